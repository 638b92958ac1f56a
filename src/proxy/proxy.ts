/**
 * `createFilesProxy`: the request pipeline, in the order the checks run —
 * route (404) → preflight / CSRF (403) → id, query, body shape (400/413/415) → authorize (401)
 * → rate share (429) → admin-only purposes (403) → ownership (404) → idempotency namespace
 * → upstream. Every refusal before "upstream" is answered without a request leaving the proxy.
 */
import { resolveConfig, type ProxyConfig } from './config.js';
import { crossSiteRefusal, preflight } from './cors.js';
import { isRefusal, type Refusal, refuse } from './errors.js';
import { forward } from './forward.js';
import { namespacedKey } from './idempotency.js';
import { matchRoute, segmentsUnder } from './match.js';
import type { FilesProxyOptions, Principal } from './options.js';
import { ownList } from './own-list.js';
import { type Prepared, prepare } from './prepare.js';
import { createRateShare, type RateShare, rateLimited } from './rate-share.js';
import { describe, redact } from './redact.js';
import { jsonResponse, noContent, passThrough, refusalResponse } from './respond.js';
import type { ApiName, Operation } from './services/types.js';
import { FETCH_WITH, type FetchWith, type Transport } from './transport.js';

export interface FilesProxy {
  readonly api: ApiName;
  /** Where the proxy is mounted, without a trailing slash. */
  readonly basePath: string;
  /** Answers one request; never throws (failures become 5xx answers). */
  fetch(request: Request): Promise<Response>;
  /** For the runtime adapters: `fetch`, with the adapter's own transport for uploads. */
  readonly [FETCH_WITH]?: FetchWith;
}

interface Trace {
  operation?: Operation;
  userId?: string;
}

function answerPreflight(config: ProxyConfig, request: Request): Response | Refusal {
  const url = new URL(request.url);
  const segments = segmentsUnder(config.basePath, url.pathname);
  const method = request.headers.get('access-control-request-method');
  if (!segments || !method) return refuse(404, 'route_not_found', 'No such route.');
  const match = matchRoute(config.service, method, segments);
  if (isRefusal(match)) return match;
  const headers = preflight(config, request, method);
  return isRefusal(headers) ? headers : noContent(headers);
}

function validPrincipal(value: unknown): Principal | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { id, admin } = value as Principal;
  if (typeof id !== 'string' || id.length < 1 || id.length > 512) return undefined;
  return { id, admin: admin === true };
}

async function serve(
  config: ProxyConfig,
  rate: RateShare,
  request: Request,
  trace: Trace,
  transport: Transport,
): Promise<Response | Refusal> {
  if (request.method === 'OPTIONS') return answerPreflight(config, request);
  const crossSite = crossSiteRefusal(config, request);
  if (crossSite) return crossSite;
  const prepared = await prepare(config, request);
  if (isRefusal(prepared)) return prepared;
  const answer = await authorized(config, rate, request, trace, prepared, transport);
  // An upload refused after its first bytes were read: stop reading the rest.
  if (isRefusal(answer)) await prepared.upload?.reader.cancel().catch(() => undefined);
  return answer;
}

async function authorized(
  config: ProxyConfig,
  rate: RateShare,
  request: Request,
  trace: Trace,
  prepared: Prepared,
  transport: Transport,
): Promise<Response | Refusal> {
  const { route, fileId, body } = prepared;
  trace.operation = route.operation;
  const user = validPrincipal(
    await config.authorize({
      request,
      operation: route.operation,
      ...(fileId === undefined ? {} : { fileId }),
      ...(body === undefined ? {} : { body }),
    }),
  );
  if (!user) return refuse(401, 'unauthorized', 'Sign in to use files.');
  trace.userId = user.id;
  const wait = rate.take(user.id, route.category);
  if (wait !== undefined) return rateLimited(wait);
  if (!user.admin && body && config.service.adminOnly?.(body))
    return refuse(403, 'admin_only', 'Only admins may add workspace knowledge.', {
      param: 'purpose',
    });
  if (route.access === 'owned' && !user.admin && fileId !== undefined) {
    let owner: string | null;
    try {
      owner = await config.store.ownerOf(config.service.api, fileId);
    } catch {
      return refuse(503, 'ownership_store_failed', 'Files are unavailable; try again.');
    }
    // 404, not 403: another user's file is not acknowledged to exist.
    if (owner !== user.id) return refuse(404, 'file_not_found', 'No such file.', { param: 'id' });
  }
  if (route.access === 'list' && !user.admin) {
    const listed = await ownList(config, request, user, prepared.query, route, rate);
    if (isRefusal(listed)) return listed;
    if ('upstream' in listed)
      return passThrough(config, request, listed.upstream, { text: listed.text });
    return jsonResponse(config, request, 200, listed.body);
  }
  const key = route.method === 'POST' ? await namespacedKey(request, user.id) : undefined;
  if (isRefusal(key)) return key;
  return forward(config, request, user, prepared, key, transport);
}

/**
 * The production proxy: keeps the API key on the server and forwards only the service's own
 * Files routes, for the users `authorize` lets in, on their own files.
 *
 * @example
 * const proxy = createFilesProxy({
 *   api: 'lightfield',
 *   apiKey: secrets.lightfieldApiKey, // from the server's own secret store
 *   basePath: '/api/lightfield',
 *   authorize: async ({ request }) => {
 *     const user = await sessionUser(request);
 *     return user ? { id: user.id, admin: user.isAdmin } : null;
 *   },
 * });
 */
export function createFilesProxy(options: FilesProxyOptions): FilesProxy {
  const config = resolveConfig(options);
  const rate = createRateShare(config.rateLimit);
  const fetchWith: FetchWith = async (request, transport) => {
    const started = Date.now();
    const trace: Trace = {};
    let response: Response;
    try {
      const answer = await serve(config, rate, request, trace, transport);
      response = isRefusal(answer) ? refusalResponse(config, request, answer) : answer;
    } catch (error) {
      config.log({
        level: 'error',
        message: redact(`proxy failure: ${describe(error)}`, config.apiKey),
        ...trace,
      });
      response = refusalResponse(config, request, refuse(500, 'internal_error', 'Internal error.'));
    }
    config.log({
      level: response.status >= 500 ? 'error' : 'info',
      message: `${request.method} ${trace.operation ?? 'unmatched'} ${response.status}`,
      status: response.status,
      durationMs: Date.now() - started,
      ...trace,
    });
    return response;
  };
  return {
    api: config.service.api,
    basePath: config.basePath,
    fetch: (request) => fetchWith(request, {}),
    [FETCH_WITH]: fetchWith,
  };
}
