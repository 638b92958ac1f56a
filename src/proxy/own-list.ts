/**
 * A non-admin's list. Upstream lists the whole organisation, so the proxy pages the caller's own
 * file ids out of the ownership store and retrieves each from upstream (a few at a time). Paging
 * is therefore exact for the caller: offset/limit (Lightfield) or the proxy's own cursor
 * (LlamaCloud, xAI), a total that counts only their files, and a short page only at the end.
 * A file upstream no longer knows (404: deleted or expired) is dropped and forgotten.
 * Each row is an upstream read, charged to the caller's read share (a full page is allowed once,
 * then paid for by waiting), so one user's lists cannot spend the organisation's read budget.
 */
import type { ProxyConfig } from './config.js';
import { isRefusal, type Refusal, refuse } from './errors.js';
import { upstreamHeaders } from './headers.js';
import type { Principal } from './options.js';
import { type RateShare, rateLimited } from './rate-share.js';
import type { JsonObject, RouteSpec } from './services/types.js';
import { callUpstream } from './upstream.js';

/** Upstream retrieves in flight at once for one list. */
const CONCURRENCY = 5;

export type OwnListResult = { body: unknown } | { upstream: Response; text: string } | Refusal;

export function upstreamPath(route: RouteSpec, fileId?: string): string {
  return `/${route.path.map((p) => (p === ':id' ? encodeURIComponent(fileId ?? '') : p)).join('/')}`;
}

export async function ownList(
  config: ProxyConfig,
  request: Request,
  user: Principal,
  query: URLSearchParams,
  listRoute: RouteSpec,
  rate: RateShare,
): Promise<OwnListResult> {
  const { service, store } = config;
  for (const name of query.keys()) {
    if (listRoute.query[name]?.filter)
      return refuse(
        400,
        'filter_not_supported',
        `${name} is for admins; your list shows your own files.`,
        {
          param: name,
        },
      );
  }
  const page = service.ownList.page(query);
  if (isRefusal(page)) return page;
  let found: { fileIds: string[]; total: number };
  try {
    found = await store.list(service.api, user.id, page);
  } catch {
    return refuse(503, 'ownership_store_failed', 'The file list is unavailable; try again.');
  }
  const wait =
    found.fileIds.length > 0 ? rate.take(user.id, 'read', found.fileIds.length) : undefined;
  if (wait !== undefined) return rateLimited(wait);
  const retrieve = service.routes.find((r) => r.operation === 'retrieve');
  if (!retrieve) return refuse(500, 'internal_error', 'Internal error.');
  const pinned = new URLSearchParams(
    Object.entries(config.pinnedQuery).filter(([name]) => retrieve.query[name]),
  );
  const items: Array<JsonObject | undefined> = new Array(found.fileIds.length);
  let failed: OwnListResult | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < found.fileIds.length) {
      const index = next++;
      const id = found.fileIds[index] ?? '';
      const result = await callUpstream(config, {
        method: 'GET',
        path: upstreamPath(retrieve, id),
        query: pinned,
        headers: upstreamHeaders(config, {}),
        timeoutMs: config.timeoutMs,
        signal: request.signal,
        readText: true,
      });
      if (!result.ok) {
        failed ??= result.refusal;
        return;
      }
      const { response, text = '' } = result;
      if (response.status === 404) {
        await store.remove(service.api, id).catch(() => undefined);
        continue;
      }
      if (!response.ok) {
        failed ??= { upstream: response, text };
        return;
      }
      try {
        items[index] = JSON.parse(text) as JsonObject;
      } catch {
        failed ??= refuse(
          502,
          'invalid_upstream_answer',
          'The Files API answered with invalid JSON.',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, found.fileIds.length) }, worker));
  if (failed) return failed;
  return {
    body: service.ownList.render(
      items.filter((i) => i !== undefined),
      page,
      found.total,
    ),
  };
}
