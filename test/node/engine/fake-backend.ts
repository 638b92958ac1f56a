/**
 * A FilesBackend whose every call waits until the test answers it (or an `auto` rule does), so
 * tests drive the engine step by step without timers. An aborted call rejects with `aborted`,
 * like the real transport.
 */
import type {
  FileCreateParams,
  FileCreateResponse,
  FileObject,
} from '../../../src/core/api/schemas.js';
import type {
  BackendCapabilities,
  FilesBackend,
  PutOptions,
  RequestOptions,
  TransferProgress,
} from '../../../src/core/backend.js';
import { FiledockError, type FiledockErrorInit } from '../../../src/core/errors.js';

export type Method = 'createSession' | 'put' | 'complete' | 'cancel' | 'retrieve' | 'upload';

export interface FakeCall {
  method: Method;
  args: unknown[];
  signal: AbortSignal | undefined;
  onProgress: ((progress: TransferProgress) => void) | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  settled: boolean;
}

type Auto = (call: FakeCall) => unknown;

let ids = 0;
export function makeSession(
  params: FileCreateParams,
  overrides: Partial<FileCreateResponse> = {},
): FileCreateResponse {
  ids += 1;
  return {
    id: `fil_${ids}`,
    status: 'PENDING',
    filename: params.filename,
    mimeType: params.mimeType,
    sizeBytes: params.sizeBytes,
    createdAt: new Date().toISOString(),
    completedAt: null,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    uploadUrl: `https://storage.test/${ids}`,
    uploadHeaders: { 'content-type': params.mimeType },
    ...overrides,
  };
}

export function completed(session: FileObject): FileObject {
  return {
    id: session.id,
    status: 'COMPLETED',
    filename: session.filename,
    mimeType: session.mimeType,
    sizeBytes: session.sizeBytes,
    createdAt: session.createdAt,
    completedAt: new Date().toISOString(),
    expiresAt: null,
  };
}

export function httpError(
  init: Partial<FiledockErrorInit> & { code: FiledockErrorInit['code'] },
): FiledockError {
  return new FiledockError({ message: `fake ${init.code}`, ...init });
}

/** Answers every step successfully at once (create → session, put → ok, complete → COMPLETED, cancel → CANCELLED). */
export const happyAuto: Partial<Record<Method, Auto>> = {
  createSession: (call) => makeSession(call.args[0] as FileCreateParams),
  put: () => undefined,
  complete: (call) => ({
    ...completed({
      ...makeSession({ filename: 'x', mimeType: 'text/plain', sizeBytes: 1 }),
      id: call.args[0] as string,
    }),
  }),
  cancel: (call) => ({
    ...makeSession({ filename: 'x', mimeType: 'text/plain', sizeBytes: 1 }),
    id: call.args[0] as string,
    status: 'CANCELLED',
    expiresAt: null,
  }),
};

export class FakeBackend implements FilesBackend {
  capabilities: BackendCapabilities = { paging: 'offset', md5: true, cancel: true };
  readonly calls: FakeCall[] = [];
  auto: Partial<Record<Method, Auto>>;
  #taken = new Set<FakeCall>();
  #waiters: Array<() => void> = [];

  constructor(auto: Partial<Record<Method, Auto>> = {}) {
    this.auto = { ...auto };
  }

  count(method: Method): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  pending(method?: Method): FakeCall[] {
    return this.calls.filter(
      (call) => !call.settled && (method === undefined || call.method === method),
    );
  }

  /** The next call of `method` not handed out before, waiting for it if needed. */
  async next(method: Method): Promise<FakeCall> {
    for (;;) {
      const call = this.calls.find(
        (candidate) => candidate.method === method && !this.#taken.has(candidate),
      );
      if (call) {
        this.#taken.add(call);
        return call;
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  #push(method: Method, args: unknown[], options?: PutOptions): Promise<never> {
    return new Promise((resolve, reject) => {
      const call: FakeCall = {
        method,
        args,
        signal: options?.signal,
        onProgress: options?.onProgress,
        settled: false,
        resolve: (value) => {
          if (call.settled) return;
          call.settled = true;
          resolve(value as never);
        },
        reject: (error) => {
          if (call.settled) return;
          call.settled = true;
          reject(error);
        },
      };
      options?.signal?.addEventListener(
        'abort',
        () => call.reject(new FiledockError({ code: 'aborted', message: 'aborted' })),
        { once: true },
      );
      this.calls.push(call);
      const waiters = this.#waiters.splice(0);
      for (const wake of waiters) wake();
      const auto = this.auto[method];
      if (auto) {
        queueMicrotask(() => {
          try {
            const value = auto(call);
            if (value instanceof Error) call.reject(value);
            else call.resolve(value);
          } catch (error) {
            call.reject(error);
          }
        });
      }
    });
  }

  createSession(params: FileCreateParams, options?: RequestOptions): Promise<FileCreateResponse> {
    return this.#push('createSession', [params], options);
  }
  put(
    session: Pick<FileCreateResponse, 'uploadUrl' | 'uploadHeaders'>,
    body: Blob,
    options?: PutOptions,
  ): Promise<void> {
    return this.#push('put', [session, body], options);
  }
  complete(id: string, params?: { md5?: string }, options?: RequestOptions): Promise<FileObject> {
    return this.#push('complete', [id, params], options);
  }
  cancel(id: string, options?: RequestOptions): Promise<FileObject> {
    return this.#push('cancel', [id], options);
  }
  retrieve(id: string, options?: RequestOptions): Promise<FileObject> {
    return this.#push('retrieve', [id], options);
  }
  list(): never {
    throw new Error('list is not used by the engine');
  }
  url(): never {
    throw new Error('url is not used by the engine');
  }
}

/** Lets queued microtasks and promise chains run (no timers involved). */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

export function textFile(name: string, content = 'hello world', type = 'text/plain'): File {
  return new File([content], name, { type });
}
