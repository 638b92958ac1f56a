/**
 * Finds the route a request names, in the service's closed table, relative to the base path.
 * Segments are compared raw (still percent-encoded), so `%2F`, `%2e%2e` or `%5C` inside an id
 * can never pass the id pattern; `..` and `.` segments are already resolved by URL parsing and
 * then simply match no route.
 */
import { type Refusal, refuse } from './errors.js';
import type { RouteSpec, ServiceSpec } from './services/types.js';

export interface RouteMatch {
  route: RouteSpec;
  fileId?: string;
}

/** The segments after the base path, or undefined when the path is outside it. */
export function segmentsUnder(basePath: string, pathname: string): string[] | undefined {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname.slice(basePath.length);
  return rest === '' ? [] : rest.slice(1).split('/');
}

const notFound = (): Refusal => refuse(404, 'route_not_found', 'No such route.');

/** Matches method + segments, then checks the id. `method` may be a preflight's requested method. */
export function matchRoute(
  service: ServiceSpec,
  method: string,
  segments: readonly string[],
): RouteMatch | Refusal {
  for (const route of service.routes) {
    if (route.method !== method || route.path.length !== segments.length) continue;
    let fileId: string | undefined;
    const same = route.path.every((part, i) => {
      if (part !== ':id') return part === segments[i];
      fileId = segments[i];
      return fileId !== '';
    });
    if (!same) continue;
    if (fileId !== undefined && !service.idPattern.test(fileId))
      return refuse(400, 'invalid_file_id', 'That is not a file id.', { param: 'id' });
    return { route, ...(fileId === undefined ? {} : { fileId }) };
  }
  return notFound();
}
