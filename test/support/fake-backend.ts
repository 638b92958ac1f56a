/**
 * A FilesBackend whose every call waits until the test answers it (or an `auto` answer does), so
 * tests drive the engine and the hooks step by step without timers. An aborted call rejects with
 * `aborted`, like the real clients. Its capabilities decide its shape, as a real adapter's do:
 * a session or a direct transfer, and `cancel` / `delete` / `downloadUrl` / `download` present
 * only when the capabilities say so.
 */
import type {
  BackendCapabilities,
  DirectTransfer,
  FilePage,
  FilesBackend,
  ListPageParams,
  PutOptions,
  RemoteFile,
  RequestOptions,
  SessionTransfer,
  TransferProgress,
  UploadParams,
  UploadSession,
} from '../../src/core/backend.js';
import { FiledockError, type FiledockErrorInit } from '../../src/core/errors.js';

interface Results {
  create: UploadSession;
  put: undefined;
  complete: RemoteFile;
  upload: RemoteFile;
  cancel: RemoteFile;
  retrieve: RemoteFile;
  list: FilePage;
  downloadUrl: { url: string; expiresAt?: string };
  download: Blob;
  delete: undefined;
}
export type Method = keyof Results;

export interface FakeCall<M extends Method = Method> {
  method: M;
  args: unknown[];
  signal: AbortSignal | undefined;
  /** What the engine passed besides the signal (`maxRetries`, `idempotencyKey`). */
  options: (RequestOptions & PutOptions) | undefined;
  onProgress: ((progress: TransferProgress) => void) | undefined;
  resolve(value: Results[M] | unknown): void;
  reject(error: unknown): void;
  settled: boolean;
  /** Set to have an abort leave the call pending, as a direct upload whose bytes were all sent. */
  keepOnAbort: boolean;
}

/** Answers a call by itself: a value resolves it, an Error (or a rejected promise) rejects it. */
export type Auto = (call: FakeCall) => unknown;

export type FakeInit = Partial<Record<Method, Auto>> & {
  /** @default Lightfield's: session transfer, MD5, cancel, URL download, offset paging of 25 */
  capabilities?: Partial<BackendCapabilities> & { transfer?: 'session' | 'direct' };
};

const LIGHTFIELD_LIKE: BackendCapabilities = {
  checksum: 'md5',
  cancel: true,
  delete: false,
  download: 'url',
  paging: 'offset',
  maxPageSize: 25,
};

/** Capabilities of a direct service (LlamaCloud-like; pass `download: 'bytes'` for xAI). */
export const DIRECT_LIKE: FakeInit['capabilities'] = {
  transfer: 'direct',
  checksum: 'none',
  cancel: false,
  delete: true,
  paging: 'cursor',
  maxPageSize: 1000,
};

let ids = 0;
export function makeSession(
  params: UploadParams,
  overrides: Partial<UploadSession> = {},
): UploadSession {
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

export function completed(session: RemoteFile): RemoteFile {
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

let serial = 0;
/** A COMPLETED file as a list or retrieve would answer it. */
export function fileObject(overrides: Partial<RemoteFile> = {}): RemoteFile {
  serial += 1;
  return {
    id: `file_${serial}`,
    status: 'COMPLETED',
    filename: `file-${serial}.txt`,
    mimeType: 'text/plain',
    sizeBytes: 5,
    createdAt: '2026-11-01T00:00:00.000Z',
    completedAt: '2026-11-01T00:00:01.000Z',
    expiresAt: null,
    ...overrides,
  };
}

/** A PENDING session as create answers it. */
export function session(overrides: Partial<RemoteFile> = {}): UploadSession {
  return {
    ...fileObject({
      status: 'PENDING',
      completedAt: null,
      expiresAt: '2099-01-01T00:00:00.000Z',
      ...overrides,
    }),
    uploadUrl: 'https://storage.test/upload',
    uploadHeaders: { 'content-type': 'text/plain' },
  };
}

export function httpError(
  init: Partial<FiledockErrorInit> & { code: FiledockErrorInit['code'] },
): FiledockError {
  return new FiledockError({ message: `fake ${init.code}`, ...init });
}

/** Answers every step successfully at once (create → session, put → ok, complete → COMPLETED, cancel → CANCELLED, upload → COMPLETED). */
export const happyAuto: Partial<Record<Method, Auto>> = {
  create: (call) => makeSession(call.args[0] as UploadParams),
  put: () => undefined,
  complete: (call) =>
    completed({
      ...makeSession({ filename: 'x', mimeType: 'text/plain', sizeBytes: 1 }),
      id: call.args[0] as string,
    }),
  cancel: (call) => ({
    ...makeSession({ filename: 'x', mimeType: 'text/plain', sizeBytes: 1 }),
    id: call.args[0] as string,
    status: 'CANCELLED',
    expiresAt: null,
  }),
  upload: (call) => {
    ids += 1;
    const params = call.args[1] as UploadParams;
    return { id: `fil_${ids}`, filename: params.filename, status: 'COMPLETED' };
  },
  delete: () => undefined,
};

/**
 * An offset-paged list over `files`, answering like the API (totalCount may be overridden to
 * lag). For `backend.answer('list', listOver(files))`.
 */
export function listOver(
  files: RemoteFile[],
  totalCount?: () => number,
): (params?: ListPageParams) => FilePage {
  return (params) => {
    const { offset = 0, limit = 25 } = params ?? { limit: 25 };
    return {
      data: files.slice(offset, offset + limit),
      totalCount: totalCount ? totalCount() : files.length,
    };
  };
}

export class FakeBackend implements FilesBackend {
  readonly scope: string;
  readonly capabilities: BackendCapabilities;
  readonly transfer: SessionTransfer | DirectTransfer;
  readonly calls: FakeCall[] = [];
  auto: Partial<Record<Method, Auto>>;
  cancel?: FilesBackend['cancel'];
  delete?: FilesBackend['delete'];
  downloadUrl?: FilesBackend['downloadUrl'];
  download?: FilesBackend['download'];
  #taken = new Set<FakeCall>();
  #waiters: Array<() => void> = [];

  constructor({ capabilities = {}, ...auto }: FakeInit = {}) {
    const { transfer = 'session', ...rest } = capabilities;
    this.capabilities = { ...LIGHTFIELD_LIKE, ...rest };
    this.scope = `fake ${++ids}`;
    this.auto = { ...auto };
    this.transfer =
      transfer === 'session'
        ? {
            kind: 'session',
            create: (params, options) => this.#push('create', [params], options),
            put: (target, body, options) => this.#push('put', [target, body], options),
            complete: (id, params, options) => this.#push('complete', [id, params], options),
          }
        : {
            kind: 'direct',
            upload: (file, params, options) => this.#push('upload', [file, params], options),
          };
    if (this.capabilities.cancel) this.cancel = (id, o) => this.#push('cancel', [id], o);
    if (this.capabilities.delete) this.delete = (id, o) => this.#push('delete', [id], o);
    if (this.capabilities.download === 'url')
      this.downloadUrl = (id, o) => this.#push('downloadUrl', [id], o);
    else this.download = (id, o) => this.#push('download', [id], o);
  }

  /** Makes `method` answer by itself with `fn(...args)`. */
  answer(method: Method, fn: (...args: never[]) => unknown): this {
    this.auto[method] = (call) => (fn as (...args: unknown[]) => unknown)(...call.args);
    return this;
  }

  retrieve(id: string, options?: RequestOptions): Promise<RemoteFile> {
    return this.#push('retrieve', [id], options);
  }

  list(params: ListPageParams, options?: RequestOptions): Promise<FilePage> {
    return this.#push('list', [params], options);
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
  async next<M extends Method>(method: M): Promise<FakeCall<M>> {
    for (;;) {
      const call = this.calls.find(
        (candidate) => candidate.method === method && !this.#taken.has(candidate),
      );
      if (call) {
        this.#taken.add(call);
        return call as FakeCall<M>;
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  #push<M extends Method>(
    method: M,
    args: unknown[],
    options?: RequestOptions & PutOptions,
  ): Promise<Results[M]> {
    return new Promise((resolve, reject) => {
      const call: FakeCall = {
        method,
        args,
        signal: options?.signal,
        options,
        onProgress: options?.onProgress,
        settled: false,
        keepOnAbort: false,
        resolve: (value) => {
          if (call.settled) return;
          call.settled = true;
          resolve(value as Results[M]);
        },
        reject: (error) => {
          if (call.settled) return;
          call.settled = true;
          reject(error);
        },
      };
      this.calls.push(call);
      if (options?.signal?.aborted) call.reject(aborted());
      options?.signal?.addEventListener(
        'abort',
        () => {
          if (!call.keepOnAbort) call.reject(aborted());
        },
        { once: true },
      );
      const waiters = this.#waiters.splice(0);
      for (const wake of waiters) wake();
      const auto = this.auto[method];
      if (auto) {
        queueMicrotask(() => {
          try {
            const value = auto(call);
            if (value instanceof Error) call.reject(value);
            else if (value instanceof Promise) value.then(call.resolve, call.reject);
            else call.resolve(value);
          } catch (error) {
            call.reject(error);
          }
        });
      }
    });
  }
}

function aborted(): FiledockError {
  return new FiledockError({ code: 'aborted', message: 'The request was aborted.' });
}

/** Lets queued microtasks and promise chains run (no timers involved). */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

export function textFile(name: string, content = 'hello world', type = 'text/plain'): File {
  return new File([content], name, { type });
}

/** The session transfer of a backend that has one (the test fails loudly otherwise). */
export function sessionOf(backend: FilesBackend): SessionTransfer {
  if (backend.transfer.kind !== 'session') throw new Error(`${backend.scope} has no sessions`);
  return backend.transfer;
}

/** The direct transfer of a backend that has one. */
export function directOf(backend: FilesBackend): DirectTransfer {
  if (backend.transfer.kind !== 'direct') throw new Error(`${backend.scope} has sessions`);
  return backend.transfer;
}
