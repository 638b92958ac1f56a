/**
 * Next.js App Router handlers for a catch-all route (`app/api/lightfield/[...path]/route.ts`):
 * `export const { GET, POST, DELETE, OPTIONS } = nextRouteHandlers(proxy)`. Route handlers get a
 * standard Request (Next's second argument, the route params, is not needed: the proxy matches the
 * path itself against its base path).
 */
import type { FilesProxy } from './proxy.js';

export type NextRouteHandler = (request: Request) => Promise<Response>;

export function nextRouteHandlers(proxy: FilesProxy): {
  GET: NextRouteHandler;
  POST: NextRouteHandler;
  DELETE: NextRouteHandler;
  OPTIONS: NextRouteHandler;
} {
  const handle: NextRouteHandler = (request) => proxy.fetch(request);
  return { GET: handle, POST: handle, DELETE: handle, OPTIONS: handle };
}
