/**
 * A FilesBackend whose every call waits until the test answers it, so each step of an upload
 * or a fetch happens exactly when the test says. `answer(method, fn)` makes a method answer by
 * itself instead (lists, URLs). Aborted calls reject with code `aborted`, as the real client does.
 */
import type {
  FileCreateResponse,
  FileObject,
  FileUrlResponse,
} from '../../../src/core/api/schemas.js';
import type {
  BackendCapabilities,
  FilePage,
  FilesBackend,
  ListPageParams,
} from '../../../src/core/backend.js';
import { FiledockError } from '../../../src/core/errors.js';

interface Results {
  createSession: FileCreateResponse;
  put: void;
  complete: FileObject;
  cancel: FileObject;
  retrieve: FileObject;
  list: FilePage;
  url: FileUrlResponse;
}
export type Method = keyof Results;

export interface Call<M extends Method = Method> {
  method: M;
  args: unknown[];
  signal: AbortSignal | undefined;
  resolve(value: Results[M]): void;
  reject(error: unknown): void;
}

type Answer<M extends Method> = (...args: unknown[]) => Results[M] | Promise<Results[M]>;

export class FakeBackend implements FilesBackend {
  readonly capabilities: BackendCapabilities;
  /** Every call ever made, in order. */
  readonly calls: Call[] = [];
  private readonly untaken: Call[] = [];
  private readonly waiting: { method: Method; take: (call: Call) => void }[] = [];
  private readonly answers: { [M in Method]?: Answer<M> } = {};

  constructor(capabilities: Partial<BackendCapabilities> = {}) {
    this.capabilities = { paging: 'offset', md5: false, cancel: true, ...capabilities };
  }

  answer<M extends Method>(method: M, fn: Answer<M>): this {
    (this.answers as Record<Method, unknown>)[method] = fn;
    return this;
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** The oldest call of `method` not yet taken, waiting for it if none has arrived. */
  next<M extends Method>(method: M): Promise<Call<M>> {
    const index = this.untaken.findIndex((c) => c.method === method);
    if (index >= 0) return Promise.resolve(this.untaken.splice(index, 1)[0] as Call<M>);
    return new Promise((take) => this.waiting.push({ method, take: take as (call: Call) => void }));
  }

  private call<M extends Method>(
    method: M,
    args: unknown[],
    signal?: AbortSignal,
  ): Promise<Results[M]> {
    return new Promise<Results[M]>((resolve, reject) => {
      const call: Call<M> = { method, args, signal, resolve, reject };
      this.calls.push(call as unknown as Call);
      if (signal?.aborted) return reject(aborted());
      signal?.addEventListener('abort', () => reject(aborted()), { once: true });
      const answer = this.answers[method] as Answer<M> | undefined;
      if (answer) {
        Promise.resolve()
          .then(() => answer(...args))
          .then(resolve, reject);
        return;
      }
      const waiter = this.waiting.findIndex((w) => w.method === method);
      if (waiter >= 0) this.waiting.splice(waiter, 1)[0]!.take(call as unknown as Call);
      else this.untaken.push(call as unknown as Call);
    });
  }

  createSession(params: unknown, options?: { signal?: AbortSignal }) {
    return this.call('createSession', [params], options?.signal);
  }
  put(session: unknown, body: Blob, options?: { signal?: AbortSignal; onProgress?: unknown }) {
    return this.call('put', [session, body, options?.onProgress], options?.signal);
  }
  complete(id: string, params?: unknown, options?: { signal?: AbortSignal }) {
    return this.call('complete', [id, params], options?.signal);
  }
  cancel(id: string, options?: { signal?: AbortSignal }) {
    return this.call('cancel', [id], options?.signal);
  }
  retrieve(id: string, options?: { signal?: AbortSignal }) {
    return this.call('retrieve', [id], options?.signal);
  }
  list(params?: ListPageParams, options?: { signal?: AbortSignal }) {
    return this.call('list', [params], options?.signal);
  }
  url(id: string, options?: { signal?: AbortSignal }) {
    return this.call('url', [id], options?.signal);
  }
}

function aborted(): FiledockError {
  return new FiledockError({ code: 'aborted', message: 'The request was aborted' });
}

let serial = 0;
export function fileObject(overrides: Partial<FileObject> = {}): FileObject {
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

export function session(overrides: Partial<FileObject> = {}): FileCreateResponse {
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

/** An offset-paged list over `files`, answering like the API (totalCount may be overridden to lag). */
export function listOver(files: FileObject[], totalCount?: () => number): Answer<'list'> {
  return (params) => {
    const { offset = 0, limit = 25 } = (params ?? {}) as ListPageParams;
    return {
      data: files.slice(offset, offset + limit),
      totalCount: totalCount ? totalCount() : files.length,
    };
  };
}
