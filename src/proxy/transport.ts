/**
 * What a runtime adapter may lend the proxy for one request: its own way to send an upstream call
 * whose body streams (an upload). `toNodeListener` lends node:http, which moves each chunk of a
 * large body for a fraction of fetch's per-chunk cost; everywhere else fetch does it all.
 */
import type { FileScan } from './file-scan.js';

/**
 * An upload as the file scan computes it from the browser's body: the same bytes as
 * `StreamingInit.body`, for a transport that reads `source`'s bytes itself and so needs no
 * stream between the two sockets.
 */
export interface ScannedUpload {
  source: ReadableStream<Uint8Array>;
  scan: FileScan;
  /** The upload's exact length, when the browser declared its body's. */
  length?: number;
}

export interface StreamingInit {
  method: string;
  headers: Headers;
  body: ReadableStream<Uint8Array>;
  upload?: ScannedUpload;
  /** Aborts the call, before or after the answer's headers; the promise rejects with its reason. */
  signal: AbortSignal;
}

/**
 * Same contract as fetch where the proxy relies on it: a redirect is answered, never followed;
 * a body that errors, a network failure or the signal reject the call.
 */
export type StreamingFetch = (url: string, init: StreamingInit) => Promise<Response>;

export interface Transport {
  streamingFetch?: StreamingFetch;
}

/**
 * The proxy's entry for adapters, `(request, transport) => Promise<Response>`, under a global
 * symbol: the adapter and the proxy may come from separately bundled entry points.
 */
export const FETCH_WITH: unique symbol = Symbol.for('filedock.proxy.fetchWith') as never;

export type FetchWith = (request: Request, transport: Transport) => Promise<Response>;
