/**
 * The Lightfield client seen through the engine's FilesBackend seam: session steps map one to one,
 * the PUT goes through filedock's own storage transfer, and list pages become FilePages.
 */
import type { FilesBackend } from '../backend.js';
import { putToStorage } from '../transfer/put.js';
import type { LightfieldFiles } from './client.js';

export function createLightfieldBackend(files: LightfieldFiles): FilesBackend {
  return {
    capabilities: { paging: 'offset', md5: true, cancel: true },
    createSession: (params, options) => files.create(params, options),
    put: (session, body, options) =>
      putToStorage({
        url: session.uploadUrl,
        headers: session.uploadHeaders,
        body,
        expiresAt: session.expiresAt ?? undefined,
        signal: options?.signal,
        onProgress: options?.onProgress,
      }),
    complete: (id, params, options) => files.complete(id, params, options),
    cancel: (id, options) => files.cancel(id, options),
    retrieve: (id, options) => files.retrieve(id, options),
    // Offset paging: a cursor means nothing to this API, so it is ignored.
    list: async (params, options) => {
      const page = await files.list({ offset: params?.offset, limit: params?.limit }, options);
      return { data: page.data, totalCount: page.totalCount };
    },
    url: (id, options) => files.url(id, options),
  };
}
