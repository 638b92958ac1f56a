/**
 * The xAI client's working half: the one-request multipart upload (its `purpose` and
 * `expires_after` fields before the file part, which the service streams), lists in either
 * answer shape, retrieve, delete and the content bytes. Loaded with `import()`.
 */
import { filePart, fileProgress } from '../http/multipart.js';
import { badArgument } from '../errors.js';
import { encodeId } from '../http/path.js';
import { createHttp, requestFor } from '../http/request.js';
import {
  XAI_MAX_EXPIRES_AFTER,
  XAI_MAX_FILENAME_LENGTH,
  XAI_MAX_PAGE_SIZE,
  XAI_MIN_EXPIRES_AFTER,
} from './constants.js';
import { toRemoteFile } from './normalise.js';
import { xaiDeletedSchema, xaiFileSchema, xaiListSchema } from './schemas.js';
import type { XaiClientOptions, XaiFiles } from './types.js';
import type { ResolvedHttpOptions } from '../http/options.js';

const BASE = '/v1/files';

/** The service refuses control characters, `"`, `;` and `\` in the part's filename. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const BAD_FILENAME = /[\u0000-\u001f\u007f";\\]/;

export function createXaiTransport(
  options: XaiClientOptions,
  resolved: ResolvedHttpOptions,
): XaiFiles {
  const http = createHttp(options, resolved, {});

  return {
    upload: async (file, params = {}, opts) => {
      const filename = params.filename ?? (file instanceof File ? file.name : '');
      const length = [...filename].length;
      if (length < 1 || length > XAI_MAX_FILENAME_LENGTH || BAD_FILENAME.test(filename))
        throw badArgument(
          `The filename must be 1–${XAI_MAX_FILENAME_LENGTH} characters, without control characters, ", ; or \\.`,
          'filename',
        );
      const { purpose, expiresAfterSeconds } = params;
      if (
        expiresAfterSeconds !== undefined &&
        (!Number.isInteger(expiresAfterSeconds) ||
          expiresAfterSeconds < XAI_MIN_EXPIRES_AFTER ||
          expiresAfterSeconds > XAI_MAX_EXPIRES_AFTER)
      )
        throw badArgument(
          `\`expiresAfterSeconds\` must be an integer from ${XAI_MIN_EXPIRES_AFTER} to ${XAI_MAX_EXPIRES_AFTER}.`,
          'expiresAfterSeconds',
        );
      const part = filePart(file, params.mimeType ?? file.type);
      const what = `POST ${BASE}`;
      const stored = await http.json(
        {
          ...requestFor('POST', BASE, opts),
          // The fields first: the service streams the file part and reads nothing after it.
          form: () => {
            const form = new FormData();
            if (purpose !== undefined) form.append('purpose', purpose);
            if (expiresAfterSeconds !== undefined)
              form.append('expires_after', String(expiresAfterSeconds));
            form.append('file', part, filename);
            return form;
          },
          onUploadProgress: fileProgress(file.size, opts?.onProgress),
          finishOnceSent: true,
        },
        xaiFileSchema,
      );
      return toRemoteFile(stored, what);
    },
    list: async (params = {}, opts) => {
      const { limit, token } = params;
      if (
        limit !== undefined &&
        (!Number.isInteger(limit) || limit < 1 || limit > XAI_MAX_PAGE_SIZE)
      )
        throw badArgument(`\`limit\` must be an integer from 1 to ${XAI_MAX_PAGE_SIZE}.`, 'limit');
      const query = new URLSearchParams({ sort_by: 'created_at' });
      if (limit !== undefined) query.set('limit', String(limit));
      if (token) query.set(token.param, token.value);
      const what = `GET ${BASE}`;
      const page = await http.json(requestFor('GET', `${BASE}?${query}`, opts), xaiListSchema);
      if ('data' in page) {
        const data = page.data.map((file) => toRemoteFile(file, what));
        const value = page.pagination_token;
        return value ? { data, next: { value, param: 'pagination_token' } } : { data };
      }
      const data = page.files.map((file) => toRemoteFile(file, what));
      const value = page.next_token;
      return value ? { data, next: { value, param: 'next_token' } } : { data };
    },
    retrieve: async (id, opts) => {
      const path = `${BASE}/${encodeId(id)}`;
      return toRemoteFile(
        await http.json(requestFor('GET', path, opts), xaiFileSchema),
        `GET ${BASE}`,
      );
    },
    delete: async (id, opts) => {
      await http.json(requestFor('DELETE', `${BASE}/${encodeId(id)}`, opts), xaiDeletedSchema);
    },
    content: async (id, opts) =>
      http.blob(requestFor('GET', `${BASE}/${encodeId(id)}/content`, opts)),
  };
}
