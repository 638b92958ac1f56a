/**
 * The LlamaCloud client's working half: multipart upload, cursor list, retrieve, delete and the
 * presigned content URL, over the shared HTTP layer. Only documented parameters go out, and no
 * other service's headers. Loaded with `import()`.
 */
import { badArgument } from '../errors.js';
import { filePart, fileProgress } from '../http/multipart.js';
import { createHttp, requestFor } from '../http/request.js';
import { encodeId } from '../http/path.js';
import {
  DEFAULT_LLAMACLOUD_PURPOSE,
  LLAMACLOUD_MAX_PAGE_SIZE,
  LLAMACLOUD_PURPOSES,
} from './constants.js';
import { llamaCloudFileSchema, llamaCloudListSchema, presignedUrlSchema } from './schemas.js';
import type {
  LlamaCloudClientOptions,
  LlamaCloudFiles,
  ResolvedLlamaCloudOptions,
} from './types.js';

const BASE = '/api/v1/beta/files';

export function createLlamaCloudTransport(
  options: LlamaCloudClientOptions,
  resolved: ResolvedLlamaCloudOptions,
): LlamaCloudFiles {
  const http = createHttp(options, resolved, {});
  /** The route's own parameters, then the project scope (when set). */
  const query = (own: Record<string, string | undefined> = {}): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(own)) if (value !== undefined) search.set(key, value);
    if (resolved.projectId !== undefined) search.set('project_id', resolved.projectId);
    if (resolved.organizationId !== undefined)
      search.set('organization_id', resolved.organizationId);
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  return {
    upload: async (file, params = {}, opts) => {
      const purpose = params.purpose ?? DEFAULT_LLAMACLOUD_PURPOSE;
      if (!(LLAMACLOUD_PURPOSES as readonly string[]).includes(purpose))
        throw badArgument(
          `\`purpose\` must be one of ${LLAMACLOUD_PURPOSES.join(', ')}.`,
          'purpose',
        );
      const filename = params.filename ?? (file instanceof File ? file.name : '');
      if (filename === '') throw badArgument('The file needs a name.', 'filename');
      const { externalFileId } = params;
      if (externalFileId === '')
        throw badArgument('`externalFileId` must not be empty.', 'externalFileId');
      const part = filePart(file, params.mimeType ?? file.type);
      return http.json(
        {
          ...requestFor('POST', `${BASE}${query()}`, opts),
          form: () => {
            const form = new FormData();
            form.append('purpose', purpose);
            if (externalFileId !== undefined) form.append('external_file_id', externalFileId);
            form.append('file', part, filename);
            return form;
          },
          onUploadProgress: fileProgress(file.size, opts?.onProgress),
          finishOnceSent: true,
        },
        llamaCloudFileSchema,
      );
    },
    list: async (params = {}, opts) => {
      const { pageSize, pageToken } = params;
      if (
        pageSize !== undefined &&
        (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > LLAMACLOUD_MAX_PAGE_SIZE)
      )
        throw badArgument(
          `\`pageSize\` must be an integer from 1 to ${LLAMACLOUD_MAX_PAGE_SIZE}.`,
          'pageSize',
        );
      const own = {
        page_size: pageSize === undefined ? undefined : String(pageSize),
        page_token: pageToken,
      };
      return http.json(requestFor('GET', `${BASE}${query(own)}`, opts), llamaCloudListSchema);
    },
    retrieve: async (id, opts) =>
      http.json(requestFor('GET', `${BASE}/${encodeId(id)}${query()}`, opts), llamaCloudFileSchema),
    delete: async (id, opts) =>
      http.empty(requestFor('DELETE', `${BASE}/${encodeId(id)}${query()}`, opts)),
    content: async (id, opts) =>
      http.json(
        requestFor('GET', `${BASE}/${encodeId(id)}/content${query()}`, opts),
        presignedUrlSchema,
      ),
  };
}
