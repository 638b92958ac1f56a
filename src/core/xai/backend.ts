/**
 * The xAI client seen through the FilesBackend seam: one multipart request per upload, token
 * pages (up to 100), delete, and the bytes through `download` (xAI has no signed URL); no MD5,
 * no server-side cancel.
 *
 * The docs disagree on when the token ends, so a page is the last one when the token is missing,
 * the page is short, or the token was seen before as the next page of a different page (a loop).
 * Which query parameter carries the token back follows the answer's shape; the cursor handed to
 * callers carries both.
 */
import type { FilesBackend } from '../backend.js';
import { XAI_MAX_PAGE_SIZE } from './constants.js';
import type { XaiFiles, XaiTokenParam } from './types.js';

const PARAMS: readonly XaiTokenParam[] = ['next_token', 'pagination_token'];

function encodeCursor(token: { value: string; param: XaiTokenParam }): string {
  return `${token.param}:${token.value}`;
}

function decodeCursor(cursor: string): { value: string; param: XaiTokenParam } | undefined {
  const colon = cursor.indexOf(':');
  const param = cursor.slice(0, colon) as XaiTokenParam;
  return colon > 0 && PARAMS.includes(param)
    ? { param, value: cursor.slice(colon + 1) }
    : undefined;
}

export function createXaiBackend(files: XaiFiles, scope: string): FilesBackend {
  /** Next-page token → the cursor of the page that named it. */
  const namedBy = new Map<string, string>();
  return {
    scope,
    capabilities: {
      checksum: 'none',
      cancel: false,
      delete: true,
      download: 'bytes',
      paging: 'cursor',
      maxPageSize: XAI_MAX_PAGE_SIZE,
    },
    transfer: {
      kind: 'direct',
      upload: (file, params, options) =>
        files.upload(
          file,
          { purpose: params.purpose, filename: params.filename, mimeType: params.mimeType },
          options,
        ),
    },
    retrieve: (id, options) => files.retrieve(id, options),
    list: async (params, options) => {
      const token = params.cursor === undefined ? undefined : decodeCursor(params.cursor);
      const page = await files.list({ limit: params.limit, token }, options);
      const here = params.cursor ?? '';
      const next = page.next;
      if (!next || page.data.length < params.limit) return { data: page.data };
      const cursor = encodeCursor(next);
      const earlier = namedBy.get(cursor);
      if (cursor === here || (earlier !== undefined && earlier !== here))
        return { data: page.data };
      namedBy.set(cursor, here);
      return { data: page.data, nextCursor: cursor };
    },
    delete: (id, options) => files.delete(id, options),
    download: (id, options) => files.content(id, options),
  };
}
