/**
 * The LlamaCloud client seen through the FilesBackend seam: one multipart request per upload,
 * cursor pages (up to 1000), delete, presigned download URLs; no MD5, no server-side cancel.
 * Its answers carry no size, type or creation time, so those stay undefined.
 */
import type { FilesBackend, RemoteFile } from '../backend.js';
import { LLAMACLOUD_MAX_PAGE_SIZE } from './constants.js';
import type { LlamaCloudFile, LlamaCloudFiles } from './types.js';

export function toRemoteFile(file: LlamaCloudFile): RemoteFile {
  return {
    id: file.id,
    filename: file.name,
    status: 'COMPLETED',
    ...(file.expires_at ? { expiresAt: file.expires_at } : {}),
  };
}

export function createLlamaCloudBackend(files: LlamaCloudFiles, scope: string): FilesBackend {
  return {
    scope,
    capabilities: {
      checksum: 'none',
      cancel: false,
      delete: true,
      download: 'url',
      paging: 'cursor',
      maxPageSize: LLAMACLOUD_MAX_PAGE_SIZE,
    },
    transfer: {
      kind: 'direct',
      upload: async (file, params, options) =>
        toRemoteFile(
          await files.upload(
            file,
            { purpose: params.purpose, filename: params.filename, mimeType: params.mimeType },
            options,
          ),
        ),
    },
    retrieve: async (id, options) => toRemoteFile(await files.retrieve(id, options)),
    list: async (params, options) => {
      const page = await files.list({ pageSize: params.limit, pageToken: params.cursor }, options);
      const data = page.items.map(toRemoteFile);
      // The service says when there is no next page by leaving the token out.
      return page.next_page_token ? { data, nextCursor: page.next_page_token } : { data };
    },
    delete: (id, options) => files.delete(id, options),
    downloadUrl: async (id, options) => {
      const { url, expires_at } = await files.content(id, options);
      return { url, expiresAt: expires_at };
    },
  };
}
