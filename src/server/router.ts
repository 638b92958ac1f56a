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

/** Lightfield's routes. */
export const matchRoute = routeMatcher([
  {
    method: ['POST'],
    pattern: /^\/v1\/files\/?$/,
    route: 'create',
    kind: 'api',
    category: 'write',
  },
  { method: ['GET'], pattern: /^\/v1\/files\/?$/, route: 'list', kind: 'api', category: 'search' },
  {
    method: ['GET'],
    pattern: new RegExp(`^/v1/files/${ID}$`),
    route: 'retrieve',
    kind: 'api',
    category: 'read',
  },
  {
    method: ['POST'],
    pattern: new RegExp(`^/v1/files/${ID}/complete$`),
    route: 'complete',
    kind: 'api',
    category: 'write',
  },
  {
    method: ['POST'],
    pattern: new RegExp(`^/v1/files/${ID}/cancel$`),
    route: 'cancel',
    kind: 'api',
    category: 'write',
  },
  {
    method: ['GET'],
    pattern: new RegExp(`^/v1/files/${ID}/url$`),
    route: 'url',
    kind: 'api',
    category: 'read',
  },
  {
    method: ['PUT'],
    pattern: new RegExp(`^/_storage/upload/${ID}$`),
    route: 'put',
    kind: 'storage',
  },
  DOWNLOAD_ROW,
]);
