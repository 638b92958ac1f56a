/**
 * The reference server's side of every scenario, read through its `/_control` endpoint from
 * Node: reset, faults, the files it holds and the requests it saw.
 */
import type { FaultSpec, RequestLogEntry } from '../../../src/server/index.js';

export interface ServerFile {
  id: string;
  status: 'PENDING' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';
  filename: string;
  originalFilename: string;
  mimeType: string;
  sizeBytes: number;
  purpose: string | null;
  md5: string | null;
  receivedBytes: number;
}

export interface Control {
  reset(): Promise<void>;
  addFaults(...faults: FaultSpec[]): Promise<void>;
  files(): Promise<ServerFile[]>;
  requests(): Promise<RequestLogEntry[]>;
  /** Requests on one route (create, put, complete, cancel, …), CORS preflights left out. */
  requestsOn(route: NonNullable<RequestLogEntry['route']>): Promise<RequestLogEntry[]>;
  /** Polls the server until `check` holds; fails with the last state after `timeoutMs`. */
  until<T>(
    read: () => Promise<T>,
    check: (value: T) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<T>;
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function control(base: string): Control {
  const self: Control = {
    reset: async () => {
      await call(base, 'POST', '/_control/reset');
    },
    addFaults: async (...faults) => {
      await call(base, 'POST', '/_control/faults', { faults });
    },
    files: async () => (await call<{ files: ServerFile[] }>(base, 'GET', '/_control/files')).files,
    requests: async () =>
      (await call<{ requests: RequestLogEntry[] }>(base, 'GET', '/_control/requests')).requests,
    requestsOn: async (route) =>
      (await self.requests()).filter((r) => r.route === route && r.method !== 'OPTIONS'),
    async until(read, check, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let value = await read();
      while (!check(value)) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 2000)}`,
          );
        // A poll interval, not a synchronisation sleep: the loop ends on the server's state.
        await new Promise<void>((resolve) => setTimeout(resolve, 50));
        value = await read();
      }
      return value;
    },
  };
  return self;
}
