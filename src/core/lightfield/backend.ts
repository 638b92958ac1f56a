/**
 * The Lightfield client seen through the FilesBackend seam: a session transfer (create → PUT →
 * complete) whose PUT goes through filedock's own storage transfer, server-side cancel, MD5 on
 * complete, offset paging (25 a page), signed download URLs, no delete.
 */
import type { FilesBackend } from '../backend.js';
import { lazily } from '../lazy.js';
import { MAX_LIST_LIMIT, type Purpose } from './constants.js';
import type { LightfieldFiles } from './types.js';

// The storage PUT (its own axios instance) is not part of the page's first load either.
const loadPut = lazily(() => import('../transfer/put.js'));

/** A purpose the API does not know is passed on as is: `create` refuses it with `bad_request`. */
const asPurpose = (purpose: string | undefined): Purpose | undefined =>
  purpose as Purpose | undefined;

export function createLightfieldBackend(files: LightfieldFiles, scope: string): FilesBackend {
  // In a browser, fetch it now: loaded on demand, it held each first PUT back by a round trip.
  if (typeof window !== 'undefined') loadPut().catch(() => undefined);
  return {
    scope,
    capabilities: {
      checksum: 'md5',
      cancel: true,
      delete: false,
      download: 'url',
      paging: 'offset',
      maxPageSize: MAX_LIST_LIMIT,
    },
    transfer: {
      kind: 'session',
      create: ({ purpose, ...params }, options) =>
        files.create({ ...params, purpose: asPurpose(purpose) }, options),
      put: async (session, body, options) =>
        (await loadPut()).putToStorage({
          url: session.uploadUrl,
          headers: session.uploadHeaders,
          body,
          expiresAt: session.expiresAt ?? undefined,
          signal: options?.signal,
          onProgress: options?.onProgress,
        }),
      complete: (id, params, options) => files.complete(id, params, options),
    },
    cancel: (id, options) => files.cancel(id, options),
    retrieve: (id, options) => files.retrieve(id, options),
    // Offset paging: a cursor means nothing to this API, so it is not sent.
    list: async (params, options) => {
      const page = await files.list({ offset: params.offset, limit: params.limit }, options);
      return { data: page.data, totalCount: page.totalCount };
    },
    downloadUrl: (id, options) => files.url(id, options),
  };
}
