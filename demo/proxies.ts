/**
 * The production shape, in development: one filedock proxy per service, mounted on the demo's
 * own origin at `/api/<service>`, holding that service's key. The page never sees a key: the
 * reference servers accept only the keys made here, and only the proxies have them.
 *
 * Who is calling comes from an `X-Demo-User` header the page's clients send (the user switcher
 * picks it; a real app sends its session token the same way, through the client's `headers`), so the
 * proxy's ownership rules can be seen working: each user lists and handles only their own files,
 * and only the admin may use `knowledge_workspace`. A real app reads its own session instead.
 */
import { randomBytes } from 'node:crypto';
import { createFilesProxy, type FilesProxy, type Principal } from '../src/proxy/index.js';
import type { ApiName } from '../src/server/index.js';

export const DEMO_USERS: Record<string, Principal> = {
  alice: { id: 'alice' },
  bob: { id: 'bob' },
  admin: { id: 'admin', admin: true },
};

function userOf(request: Request): Principal | null {
  return DEMO_USERS[request.headers.get('x-demo-user') ?? ''] ?? null;
}

/** A fresh key per run and service: nothing to leak, nothing to configure. */
export function demoKey(api: ApiName): string {
  return `sk_demo_${api}_${randomBytes(12).toString('hex')}`;
}

export function demoProxy(api: ApiName, apiKey: string, upstream: string): FilesProxy {
  return createFilesProxy({
    api,
    apiKey,
    basePath: `/api/${api}`,
    upstream,
    authorize: ({ request }) => userOf(request),
    logger: (event) => {
      if (event.level !== 'info') console.log(`[proxy ${api}] ${event.level}: ${event.message}`);
    },
  });
}
