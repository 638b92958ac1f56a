/**
 * Turns options into a checked configuration, or throws a TypeError naming the problem: a proxy
 * with a bad key, an open CORS policy or no authorization outside development must not start.
 */
import { DEFAULTS, type Authorize, type FilesProxyOptions, type ProxyLogEvent } from './options.js';
import { SERVICES } from './services/index.js';
import type { ServiceSpec } from './services/types.js';
import { createMemoryOwnershipStore, type OwnershipStore } from './store.js';

export interface ProxyConfig {
  service: ServiceSpec;
  apiKey: string;
  /** Without a trailing slash; '' when mounted at the root. */
  basePath: string;
  /** Without a trailing slash. */
  upstream: string;
  authorize: Authorize;
  store: OwnershipStore;
  rateLimit: { perSecond: number; burst: number } | false;
  cors?: {
    origins: ReadonlySet<string>;
    allowHeaders: string[];
    credentials: boolean;
    maxAge: number;
  };
  maxJsonBytes: number;
  maxUploadBytes: number;
  timeoutMs: number;
  uploadTimeoutMs: number;
  apiVersion: string;
  pinnedQuery: Record<string, string>;
  log: (event: ProxyLogEvent) => void;
  fetch: typeof fetch;
  /** The app gave its own fetch: every upstream call goes through it, uploads included. */
  ownFetch: boolean;
}

function nodeEnv(): string | undefined {
  // No Node built-ins here: `process` exists in Node, Bun and Deno's compat layer, not on the edge.
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.NODE_ENV;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`${name} must be a positive number`);
  return value;
}

const HEADER_SAFE = /^[\x21-\x7e]+$/;
const BASE_PATH = /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function exactOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`cors.origins: ${origin} is not an origin`);
  }
  if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new TypeError(
      `cors.origins: ${origin} must be an exact origin such as https://app.example.com`,
    );
  return origin;
}

function upstreamUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`upstream ${value} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError('upstream must be an http(s) URL');
  if (url.search || url.hash || url.username || url.password)
    throw new TypeError('upstream must have no query, fragment or credentials');
  return url.href.replace(/\/+$/, '');
}

function anonymous(options: FilesProxyOptions): Authorize {
  if (options.dangerouslyAllowAnonymous === true && nodeEnv() === 'development') {
    return () => ({ id: 'anonymous', admin: true });
  }
  throw new TypeError(
    'createFilesProxy needs `authorize`: without it every visitor would act with your API key. ' +
      '(In development only, `dangerouslyAllowAnonymous: true` with NODE_ENV=development serves one anonymous admin.)',
  );
}

export function resolveConfig(options: FilesProxyOptions): ProxyConfig {
  const service = SERVICES[options.api];
  if (!service) throw new TypeError(`api must be one of ${Object.keys(SERVICES).join(', ')}`);
  if (typeof options.apiKey !== 'string' || !HEADER_SAFE.test(options.apiKey))
    throw new TypeError('apiKey must be a non-empty string without spaces or line breaks');
  if (typeof options.basePath !== 'string' || !BASE_PATH.test(options.basePath))
    throw new TypeError('basePath must be a path such as /api/lightfield');
  if (options.basePath.split('/').some((s) => s === '.' || s === '..'))
    throw new TypeError('basePath must not contain . or .. segments');
  const rate = options.rateLimit ?? DEFAULTS.rateLimit;
  const cors = options.cors;
  if (cors) {
    for (const h of cors.allowHeaders ?? [])
      if (!HEADER_NAME.test(h)) throw new TypeError(`cors.allowHeaders: ${h} is not a header name`);
  }
  const pinned: Record<string, string> = {};
  if (options.api === 'llamacloud') {
    const { projectId, organizationId } = options.llamaCloud ?? {};
    if (projectId !== undefined) pinned.project_id = projectId;
    if (organizationId !== undefined) pinned.organization_id = organizationId;
  }
  const logger = options.logger;
  return {
    service,
    apiKey: options.apiKey,
    basePath: options.basePath.replace(/\/+$/, ''),
    upstream: upstreamUrl(options.upstream ?? service.defaultUpstream),
    authorize: options.authorize ?? anonymous(options),
    store: options.store ?? createMemoryOwnershipStore(),
    rateLimit:
      rate === false
        ? false
        : {
            perSecond: positive(rate.perSecond, 1, 'rateLimit.perSecond'),
            burst: positive(rate.burst, rate.perSecond * 2, 'rateLimit.burst'),
          },
    ...(cors
      ? {
          cors: {
            origins: new Set(cors.origins.map(exactOrigin)),
            allowHeaders: (cors.allowHeaders ?? []).map((h) => h.toLowerCase()),
            credentials: cors.credentials ?? false,
            maxAge: positive(cors.maxAgeSeconds, DEFAULTS.corsMaxAgeSeconds, 'cors.maxAgeSeconds'),
          },
        }
      : {}),
    maxJsonBytes: positive(options.maxJsonBytes, DEFAULTS.maxJsonBytes, 'maxJsonBytes'),
    maxUploadBytes: positive(options.maxUploadBytes, Number.POSITIVE_INFINITY, 'maxUploadBytes'),
    timeoutMs: positive(options.timeoutMs, DEFAULTS.timeoutMs, 'timeoutMs'),
    uploadTimeoutMs: positive(options.uploadTimeoutMs, DEFAULTS.uploadTimeoutMs, 'uploadTimeoutMs'),
    apiVersion: options.apiVersion ?? DEFAULTS.apiVersion,
    pinnedQuery: pinned,
    log: logger
      ? (event) => {
          try {
            logger(event);
          } catch {
            // A throwing logger must not turn an answer into a failure.
          }
        }
      : () => undefined,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    ownFetch: options.fetch !== undefined,
  };
}
