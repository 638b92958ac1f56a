/**
 * `filedock/server`: a faithful, strict reference implementation of the Lightfield Files API for
 * local development and tests. Start one with `createDevServer({ port: 0 })`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPurposeRules } from '../core/rules/purposes.js';
import { createHandler } from './app.js';
import type { ServerContext } from './context.js';
import { FaultController } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  parseConfigPatch,
  runtimeConfigFrom,
  type DevServerOptions,
  type RuntimeConfig,
} from './options.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { FileStore } from './store.js';
import { UrlSigner } from './tokens.js';

export type { DevServerOptions, RateLimitConfig, RuntimeConfig } from './options.js';
export type { FaultRoute, FaultSpec, MalformedKind } from './faults.js';
export { FaultController, FAULT_ROUTES, parseFault } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { ServerErrorCode } from './errors.js';
export { contentDisposition } from './content-disposition.js';

export interface DevServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  /** Where metadata and bytes live (a temporary directory when none was given). */
  dataDir: string;
  /** Add, list and clear scripted faults. */
  faults: FaultController;
  /** Every API and storage request so far (copies). */
  requests(): RequestLogEntry[];
  /** Removes every file, fault, log entry and idempotency record; restores the start-up config. */
  reset(): Promise<void>;
  /** Changes sessionTtlMs / downloadTtlMs / rateLimit for what comes next. Throws a TypeError on bad input. */
  setConfig(patch: Partial<RuntimeConfig>): void;
  /** Stops accepting connections, ends idle ones, waits for in-flight requests, flushes the store. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function createDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const now = options.now ?? Date.now;
  const store = await FileStore.open(options.dataDir);
  const initialConfig = runtimeConfigFrom(options);
  const config: RuntimeConfig = { ...initialConfig };
  const faults = new FaultController();
  if (options.faults) faults.add(...options.faults);
  const ctx: ServerContext = {
    store,
    signer: new UrlSigner(await store.secret()),
    faults,
    idempotency: new IdempotencyStore(),
    limiter: new RateLimiter(() => config.rateLimit, now),
    requestLog: new RequestLog(now),
    rules: options.rules ?? defaultPurposeRules,
    config,
    apiKeys: options.apiKeys,
    adminTokens: options.adminTokens,
    corsOrigins: options.corsOrigins ?? '*',
    control: options.control ?? false,
    publicUrl: '',
    now,
    log: options.log ?? (() => undefined),
    inflightNames: new Set(),
  };
  const setConfig = (patch: Partial<RuntimeConfig>): void => {
    Object.assign(config, parseConfigPatch(patch));
  };
  const reset = async (): Promise<void> => {
    faults.clear();
    ctx.requestLog.clear();
    ctx.idempotency.clear();
    ctx.limiter.reset();
    Object.assign(config, initialConfig);
    await store.clear();
  };
  // requestTimeout 0: a 512 MiB upload over a slow (or throttled) link may take longer than
  // Node's default 5 minutes, and storage must not cut it off.
  const server = createServer({ requestTimeout: 0 }, createHandler(ctx, { reset, setConfig }));
  const host = options.host ?? '127.0.0.1';
  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  const urlHost =
    host === '0.0.0.0' || host === '::' ? DEFAULT_HOST : host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  ctx.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    dataDir: store.dir,
    faults,
    requests: () => ctx.requestLog.list(),
    reset,
    setConfig,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Graceful: in-flight requests finish; keep-alive sockets are closed as soon as they idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      }).then(() => store.close());
      return closing;
    },
  };
}
