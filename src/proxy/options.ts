/** The proxy's options, their defaults, and the start-up checks that refuse a dangerous setup. */
import type { ApiName, Operation } from './services/types.js';
import type { OwnershipStore } from './store.js';

/** Who is calling, as the app's `authorize` says. */
export interface Principal {
  /** A stable user id: files, idempotency keys and rate shares are keyed by it. */
  id: string;
  /** Sees and handles every file of the organisation; may use `knowledge_workspace`. @default false */
  admin?: boolean;
}

export interface AuthorizeInput {
  /** The incoming request (read cookies or `Authorization` from it; its body is the proxy's). */
  request: Request;
  operation: Operation;
  /** The file the request is about (already checked against the service's id pattern). */
  fileId?: string;
  /** The validated JSON body, or a multipart upload's leading form fields plus its `filename`. */
  body?: Readonly<Record<string, unknown>>;
}

/** Returns the caller, or `null` for 401. Throwing answers 500 (and is logged). */
export type Authorize = (input: AuthorizeInput) => Principal | null | Promise<Principal | null>;

export interface ProxyLogEvent {
  level: 'info' | 'warn' | 'error';
  /** Never holds the API key or a presigned URL (both are scrubbed). */
  message: string;
  operation?: Operation;
  status?: number;
  code?: string;
  userId?: string;
  durationMs?: number;
}

export interface CorsOptions {
  /** Exact origins (`https://app.example.com`); `*` is refused. */
  origins: string[];
  /** The app's own extra request headers, e.g. `authorization` for its session token. @default [] */
  allowHeaders?: string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookie sessions across origins). @default false */
  credentials?: boolean;
  /** How long a browser may cache a preflight, in seconds. @default 600 */
  maxAgeSeconds?: number;
}

export interface RateShareOptions {
  /** Requests per second per user and rate category (read, write, search). */
  perSecond: number;
  /** Burst size. @default perSecond * 2 */
  burst?: number;
}

export interface FilesProxyOptions {
  /** Which Files API this proxy fronts. */
  api: ApiName;
  /** The organisation's secret key; it only ever goes upstream. */
  apiKey: string;
  /** The path the proxy is mounted at (the browser client's `baseURL` path), e.g. `/api/lightfield`. */
  basePath: string;
  /**
   * The API's base URL (scheme, host, optional path; no query).
   * @default the service's public URL (`https://api.lightfield.app`, `https://api.cloud.llamaindex.ai`, `https://api.x.ai`)
   */
  upstream?: string;
  /** Who is calling; runs on every request except CORS preflights. Required outside development. */
  authorize?: Authorize;
  /**
   * Without `authorize`, serve everyone as one anonymous admin. Honoured only when
   * `NODE_ENV === 'development'` as well; otherwise `createFilesProxy` throws.
   * @default false
   */
  dangerouslyAllowAnonymous?: boolean;
  /** Who created which file. @default createMemoryOwnershipStore() (one process only) */
  store?: OwnershipStore;
  /** Each user's share of the organisation's rate limit (25/s per category); `false` switches it off. @default { perSecond: 5, burst: 10 } */
  rateLimit?: RateShareOptions | false;
  /** Cross-origin browsers allowed to call the proxy. @default undefined (same origin only) */
  cors?: CorsOptions;
  /** Largest JSON request body, counted while it is read. @default 65536 */
  maxJsonBytes?: number;
  /** Largest uploaded file (multipart services), on top of the purpose's own cap. @default the purpose's cap (LlamaCloud 512 MiB, extract 100 MiB; xAI 50 MiB) */
  maxUploadBytes?: number;
  /** Time to upstream's answer headers before 504. @default 30000 */
  timeoutMs?: number;
  /** The same for multipart uploads, which include sending the file. @default 900000 */
  uploadTimeoutMs?: number;
  /** `Lightfield-Version` sent upstream (Lightfield only). @default '2026-03-01' */
  apiVersion?: string;
  /** LlamaCloud only: the project and organisation every request is pinned to. @default undefined (the key's default) */
  llamaCloud?: { projectId?: string; organizationId?: string };
  /** Receives one event per request and every failure. @default undefined (silent) */
  logger?: (event: ProxyLogEvent) => void;
  /** The fetch used for upstream calls. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export const DEFAULTS = {
  rateLimit: { perSecond: 5, burst: 10 },
  maxJsonBytes: 65_536,
  timeoutMs: 30_000,
  uploadTimeoutMs: 900_000,
  apiVersion: '2026-03-01',
  corsMaxAgeSeconds: 600,
} as const;
