/**
 * `filedock/server`: faithful, strict reference implementations of the Lightfield, LlamaCloud and
 * xAI Files APIs for local development and tests. Start one with
 * `createDevServer({ port: 0 })` (Lightfield) or `createDevServer({ api: 'xai', port: 0 })`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPurposeRules } from '../core/rules/purposes.js';
import { createHandler } from './app.js';
import type { BaseContext, ServerContext } from './context.js';
import { FAULT_ROUTES_BY_API, FaultController } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { lightfieldService } from './lightfield.js';
import { llamaCloudService } from './llamacloud/service.js';
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
import { API_NAMES, type ApiName, type Service } from './service.js';
import { FileStore, type StoredRecord } from './store.js';
import { UrlSigner } from './tokens.js';
import { xaiService } from './xai/service.js';

export type {
  DevServerOptions,
  RateLimitConfig,
  RuntimeConfig,
  XaiShape,
} from './options.js';
export type { FaultRoute, FaultSpec, MalformedKind } from './faults.js';
export {
  FaultController,
  FAULT_ROUTES,
  FAULT_ROUTES_BY_API,
  LLAMACLOUD_ROUTES,
  XAI_ROUTES,
  parseFault,
} from './faults.js';
export { API_NAMES, type ApiName } from './service.js';
export {
  LLAMACLOUD_MAX_EXTRACT_BYTES,
  LLAMACLOUD_MAX_FILE_BYTES,
} from './llamacloud/validate.js';
export { XAI_MAX_REQUEST_BYTES } from './xai/validate.js';
export type { RequestLogEntry } from './request-log.js';
export type { ServerErrorCode } from './errors.js';
export { contentDisposition } from './content-disposition.js';

export interface DevServer {
  /** Which Files API this server speaks. */
  api: ApiName;
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  /** Where metadata and bytes live (a temporary directory when none was given). */
  dataDir: string;
  /** Add, list and clear scripted faults (on this API's routes: see FAULT_ROUTES_BY_API). */
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

/**
 * Builds the API's Service over the shared context. The store's records are this API's: the data
 * dir's `api` marker guarantees it (FileStore.open refuses another API's dir).
 */
function buildService(
  api: ApiName,
  base: BaseContext,
  store: FileStore<StoredRecord>,
  options: DevServerOptions,
): Service {
  if (api === 'llamacloud')
    return llamaCloudService(base, store as never, options.projectId ?? base.signer.derivedUuid());
  if (api === 'xai') return xaiService(base, store as never, options.xaiShape ?? 'openai');
  const ctx: ServerContext = {
    ...base,
    store: store as never,
    idempotency: new IdempotencyStore(),
    rules: options.rules ?? defaultPurposeRules,
    adminTokens: options.adminTokens,
    inflightNames: new Set(),
  };
  return lightfieldService(ctx);
}

/** `http://host:port` as clients reach it (0.0.0.0 / :: are replaced by 127.0.0.1). */
function localUrl(host: string, port: number): string {
  const urlHost =
    host === '0.0.0.0' || host === '::' ? DEFAULT_HOST : host.includes(':') ? `[${host}]` : host;
  return `http://${urlHost}:${port}`;
}

export async function createDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const api = options.api ?? 'lightfield';
  if (!API_NAMES.includes(api))
    throw new TypeError(`api must be one of ${API_NAMES.join(', ')}, got ${String(api)}`);
  const now = options.now ?? Date.now;
  const store = await FileStore.open<StoredRecord>(options.dataDir, api);
  const initialConfig = runtimeConfigFrom(options);
  const config: RuntimeConfig = { ...initialConfig };
  const faults = new FaultController(FAULT_ROUTES_BY_API[api]);
  const signer = new UrlSigner(await store.secret());
  // requestTimeout 0: a 512 MiB upload over a slow (or throttled) link may take longer than
  // Node's default 5 minutes, and storage must not cut it off.
  const server = createServer({ requestTimeout: 0 });
  const host = options.host ?? '127.0.0.1';
  let address: AddressInfo;
  try {
    if (options.faults) faults.add(...options.faults);
    address = await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  const url = localUrl(host, address.port);
  const ctx: BaseContext = {
    signer,
    faults,
    limiter: new RateLimiter(() => config.rateLimit, now),
    // Lightfield's log keeps Authorization verbatim (existing tests compare the proxied key);
    // the newer servers keep only the scheme.
    requestLog: new RequestLog(now),
    config,
    apiKeys: options.apiKeys,
    corsOrigins: options.corsOrigins ?? '*',
    control: options.control ?? false,
    // Known only once listening; the services copy the context, so it is built after that.
    publicUrl: (options.publicUrl ?? url).replace(/\/+$/, ''),
    now,
    log: options.log ?? (() => undefined),
  };
  let service: Service;
  try {
    service = buildService(api, ctx, store, options);
  } catch (error) {
    server.close();
    await store.close();
    throw error;
  }
  const setConfig = (patch: Partial<RuntimeConfig>): void => {
    Object.assign(config, parseConfigPatch(patch));
  };
  const reset = async (): Promise<void> => {
    faults.clear();
    ctx.requestLog.clear();
    ctx.limiter.reset();
    service.reset();
    Object.assign(config, initialConfig);
    await store.clear();
  };
  // Attached in the microtask that follows listening, before any connection can be served.
  server.on(
    'request',
    createHandler(ctx, service, { reset, setConfig, files: () => service.controlFiles() }),
  );
  let closing: Promise<void> | undefined;
  return {
    api,
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
