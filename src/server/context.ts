/** Everything a route handler needs, assembled once by createDevServer. */
import type { PurposeRules } from '../core/rules/purposes.js';
import type { FaultController } from './faults.js';
import type { IdempotencyStore } from './idempotency.js';
import type { RuntimeConfig } from './options.js';
import type { RateLimiter } from './rate-limit.js';
import type { RequestLog } from './request-log.js';
import type { FileStore, StoredFile } from './store.js';
import type { UrlSigner } from './tokens.js';

/** What every reference server shares, whichever API it speaks. */
export interface BaseContext {
  signer: UrlSigner;
  faults: FaultController;
  limiter: RateLimiter;
  requestLog: RequestLog;
  config: RuntimeConfig;
  apiKeys: readonly string[] | undefined;
  corsOrigins: string[] | '*';
  control: boolean;
  /** Base of the URLs this server hands out, without a trailing slash. */
  publicUrl: string;
  now: () => number;
  log: (line: string) => void;
}

/** The Lightfield server's context. */
export interface ServerContext extends BaseContext {
  store: FileStore<StoredFile>;
  idempotency: IdempotencyStore;
  rules: Readonly<PurposeRules>;
  adminTokens: readonly string[] | undefined;
  /** Knowledge names with a PUT streaming right now: `${purpose}\n${originalFilename}`. */
  inflightNames: Set<string>;
}

export interface RouteResult {
  status: number;
  /** Ignored for a 204. */
  body: unknown;
}
