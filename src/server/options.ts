/** Options of the reference server, their defaults, and the part that can change at run time. */
import type { PurposeRules } from '../core/rules/purposes.js';
import type { FaultSpec } from './faults.js';
import type { ApiName } from './service.js';

export interface RateLimitConfig {
  /** Requests per second per category (Write, Read, Search) and API key; also the burst size. */
  perSecond: number;
}

/** Which of xAI's two documented answer shapes the xAI server speaks. */
export type XaiShape = 'openai' | 'management';

export interface DevServerOptions {
  /**
   * The Files API to serve. Lightfield-only options (sessionTtlMs, adminTokens, rules) are
   * ignored by the others. @default 'lightfield'
   */
  api?: ApiName;
  /**
   * xAI only: `'openai'` answers `{id, object: 'file', bytes, created_at, filename, purpose}` and
   * lists `{data, pagination_token}`; `'management'` answers `{file_id, name, size_bytes, …}` and
   * lists `{files, next_token}`. @default 'openai'
   */
  xaiShape?: XaiShape;
  /**
   * LlamaCloud only: the project files go to when a request names none (the key's default
   * project). @default a UUID derived from the data dir's signing secret (stable across restarts)
   */
  projectId?: string;
  /** TCP port; `0` picks a free ephemeral port. @default 4010 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Base URL put into upload and download URLs, for when the server sits behind a proxy.
   * @default `http://<host>:<port>` (0.0.0.0 / :: are replaced by 127.0.0.1)
   */
  publicUrl?: string;
  /**
   * Where metadata and bytes persist across restarts. @default a fresh temporary directory,
   * removed on close (in-memory semantics)
   */
  dataDir?: string;
  /** Accepted bearer tokens (every API). @default undefined (any non-empty token) */
  apiKeys?: string[];
  /** Lifetime of an upload session (and of its upload URL). @default 3_600_000 (1 hour) */
  sessionTtlMs?: number;
  /**
   * Lifetime of a download URL (Lightfield's, and LlamaCloud's when `expires_at_seconds` is not
   * sent); neither API publishes it. @default 900_000 (15 minutes)
   */
  downloadTtlMs?: number;
  /** Token bucket per category and API key; `false` switches limiting off. @default { perSecond: 25 } */
  rateLimit?: RateLimitConfig | false;
  /** Origins allowed by CORS. @default '*' */
  corsOrigins?: string[] | '*';
  /** Serve the unauthenticated `/_control/*` endpoint (tests, demos). @default false */
  control?: boolean;
  /** Faults scripted from the start. @default [] */
  faults?: FaultSpec[];
  /** Tokens allowed to use `knowledge_workspace`. @default undefined (every token is an admin) */
  adminTokens?: string[];
  /** Purpose rules the server enforces. @default defaultPurposeRules (shared with the client) */
  rules?: PurposeRules;
  /** Receives one line per request (and start-up notes). @default undefined (silent) */
  log?: (line: string) => void;
  /** The clock, in epoch milliseconds; tests inject one to step through expiry. @default Date.now */
  now?: () => number;
}

/** The settings `setConfig` and `POST /_control/config` may change; they apply to new sessions. */
export interface RuntimeConfig {
  sessionTtlMs: number;
  downloadTtlMs: number;
  rateLimit: RateLimitConfig | false;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SESSION_TTL_MS = 3_600_000;
export const DEFAULT_DOWNLOAD_TTL_MS = 900_000;
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perSecond: 25 };

export function runtimeConfigFrom(options: DevServerOptions): RuntimeConfig {
  return {
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    downloadTtlMs: options.downloadTtlMs ?? DEFAULT_DOWNLOAD_TTL_MS,
    rateLimit: options.rateLimit === undefined ? { ...DEFAULT_RATE_LIMIT } : options.rateLimit,
  };
}

function positiveInt(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks a partial config (from code or the control endpoint); throws a TypeError naming the field. */
export function parseConfigPatch(patch: unknown): Partial<RuntimeConfig> {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch))
    throw new TypeError('config must be an object');
  const out: Partial<RuntimeConfig> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'sessionTtlMs' || key === 'downloadTtlMs') out[key] = positiveInt(value, key);
    else if (key === 'rateLimit') {
      if (value === false) out.rateLimit = false;
      else if (value && typeof value === 'object') {
        out.rateLimit = {
          perSecond: positiveInt(
            (value as { perSecond?: unknown }).perSecond,
            'rateLimit.perSecond',
          ),
        };
      } else throw new TypeError('rateLimit must be false or {perSecond}');
    } else throw new TypeError(`unknown config key ${key}`);
  }
  return out;
}
