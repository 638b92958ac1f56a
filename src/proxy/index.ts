/**
 * `filedock/proxy`: the production proxy, fetch-standard (Node 20+, edge runtimes, Bun, Deno).
 * No Node built-ins here; the Node adapters live in `filedock/proxy/node`.
 */
export { createFilesProxy, type FilesProxy } from './proxy.js';
export { nextRouteHandlers, type NextRouteHandler } from './next.js';
export type {
  Authorize,
  AuthorizeInput,
  CorsOptions,
  FilesProxyOptions,
  Principal,
  ProxyLogEvent,
  RateShareOptions,
} from './options.js';
export type { ProxyErrorCode } from './errors.js';
export type { ApiName, Operation } from './services/types.js';
export {
  createMemoryOwnershipStore,
  type OwnershipPage,
  type OwnershipStore,
} from './store.js';
export {
  createSqlOwnershipStore,
  type SqlOwnershipStore,
  type SqlOwnershipStoreOptions,
  type SqlQueryable,
} from './sql-store.js';
