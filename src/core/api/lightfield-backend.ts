/**
 * The Lightfield client seen through the engine's FilesBackend seam: session steps map one to one,
 * the PUT goes through filedock's own storage transfer, and list pages become FilePages.
 */
import type { FilesBackend } from '../backend.js';
import { lazily } from '../lazy.js';
import type { LightfieldFiles } from './client.js';

// The storage PUT (its own axios instance) is not part of the page's first load either.
const loadPut = lazily(() => import('../transfer/put.js'));

export function createLightfieldBackend(files: LightfieldFiles): FilesBackend {
  // In a browser, fetch it now: loaded on demand, it held each first PUT back by a round trip.
  if (typeof window !== 'undefined') loadPut().catch(() => undefined);
  return {
    capabilities: { paging: 'offset', md5: true, cancel: true },
    createSession: (params, options) => files.create(params, options),
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
