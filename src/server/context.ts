/** Everything a route handler needs, assembled once by createDevServer. */
import type { PurposeRules } from '../core/rules/purposes.js';
import type { FaultController } from './faults.js';
import type { IdempotencyStore } from './idempotency.js';
import type { RuntimeConfig } from './options.js';
import type { RateLimiter } from './rate-limit.js';
import type { RequestLog } from './request-log.js';
import type { FileStore } from './store.js';
import type { UrlSigner } from './tokens.js';

export interface ServerContext {
  store: FileStore;
  signer: UrlSigner;
  faults: FaultController;
  idempotency: IdempotencyStore;
  limiter: RateLimiter;
  requestLog: RequestLog;
  rules: Readonly<PurposeRules>;
  config: RuntimeConfig;
  apiKeys: readonly string[] | undefined;
  adminTokens: readonly string[] | undefined;
  corsOrigins: string[] | '*';
  control: boolean;
  /** Base of the URLs this server hands out, without a trailing slash. */
  publicUrl: string;
  now: () => number;
  log: (line: string) => void;
  /** Knowledge names with a PUT streaming right now: `${purpose}\n${originalFilename}`. */
  inflightNames: Set<string>;
}

export interface RouteResult {
  status: number;
  body: unknown;
}
