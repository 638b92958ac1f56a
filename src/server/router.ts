/** Maps method + path to a named route (named like FaultRoute) and its rate-limit category. */
import type { FaultRoute } from './faults.js';
import type { RateCategory } from './rate-limit.js';

export interface RouteMatch {
  route: FaultRoute;
  kind: 'api' | 'storage';
  category?: RateCategory;
  fileId?: string;
}

export interface RouteRow {
  method: string[];
  pattern: RegExp;
  route: FaultRoute;
  kind: 'api' | 'storage';
  category?: RateCategory;
}

export type RouteMatcher = (method: string, path: string) => RouteMatch | undefined;

/** One path segment: the file id, percent-decoded when it can be. */
export const ID = '([^/]+)';

/** The storage routes every server shares: signed download URLs (and Lightfield's PUT). */
export const DOWNLOAD_ROW: RouteRow = {
  method: ['GET', 'HEAD'],
  pattern: new RegExp(`^/_storage/download/${ID}$`),
  route: 'download',
  kind: 'storage',
};

export function routeMatcher(table: readonly RouteRow[]): RouteMatcher {
  return (method, path) => {
    for (const row of table) {
      if (!row.method.includes(method)) continue;
      const m = row.pattern.exec(path);
      if (!m) continue;
      let fileId: string | undefined;
      if (m[1] !== undefined) {
        try {
          fileId = decodeURIComponent(m[1]);
        } catch {
          fileId = m[1];
        }
      }
      return {
        route: row.route,
        kind: row.kind,
        ...(row.category ? { category: row.category } : {}),
        ...(fileId === undefined ? {} : { fileId }),
      };
    }
    return undefined;
  };
}

/**
 * One API row: `path` may hold `:id` (one segment, the file id) and may end in `/?` (an optional
 * trailing slash).
 */
export function apiRow(
  method: string | string[],
  path: string,
  route: FaultRoute,
  category: RateCategory,
): RouteRow {
  return {
    method: Array.isArray(method) ? method : [method],
    pattern: new RegExp(`^${path.replace(':id', ID)}$`),
    route,
    kind: 'api',
    category,
  };
}

/** Lightfield's routes. */
export const matchRoute = routeMatcher([
  apiRow('POST', '/v1/files/?', 'create', 'write'),
  apiRow('GET', '/v1/files/?', 'list', 'search'),
  apiRow('GET', '/v1/files/:id', 'retrieve', 'read'),
  apiRow('POST', '/v1/files/:id/complete', 'complete', 'write'),
  apiRow('POST', '/v1/files/:id/cancel', 'cancel', 'write'),
  apiRow('GET', '/v1/files/:id/url', 'url', 'read'),
  {
    method: ['PUT'],
    pattern: new RegExp(`^/_storage/upload/${ID}$`),
    route: 'put',
    kind: 'storage',
  },
  DOWNLOAD_ROW,
]);
