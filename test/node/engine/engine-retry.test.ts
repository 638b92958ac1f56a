import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileCreateParams, FileCreateResponse } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  completed,
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  httpError,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhase, untilPhaseAdvancing } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('upload engine: transient failures', () => {
  it('retries a failed PUT after the Retry-After the server asked for, not before', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      complete: happyAuto.complete,
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    (await backend.next('put')).reject(
      httpError({ code: 'rate-limited', status: 429, retryable: true, retryAfterMs: 5000 }),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(backend.count('put')).toBe(1);
    expect(uploadOf(engine, id!).attempts).toBe(1);
    expect(uploadOf(engine, id!).phase).toBe('uploading');
    await vi.advanceTimersByTimeAsync(1);
    (await backend.next('put')).resolve(undefined);
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(backend.count('create')).toBe(1);
  });

  it('backs off baseDelayMs·2ⁿ (×0.75–1 jitter) per retry, then fails with the typed error', async () => {
    const backend = new FakeBackend({ put: happyAuto.put });
    const onError = vi.fn();
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      retry: { attempts: 3, baseDelayMs: 1000 },
      onError,
    });
    const [id] = engine.add([textFile('a.txt')]);
    const unavailable = () =>
      httpError({ code: 'service_unavailable', status: 503, retryable: true });

    (await backend.next('create')).reject(unavailable());
    await vi.advanceTimersByTimeAsync(749);
    expect(backend.count('create')).toBe(1);
    await vi.advanceTimersByTimeAsync(251);
    (await backend.next('create')).reject(unavailable());
    await vi.advanceTimersByTimeAsync(1499);
    expect(backend.count('create')).toBe(2);
    await vi.advanceTimersByTimeAsync(501);
    (await backend.next('create')).reject(unavailable());
    await untilPhase(engine, id!, 'failed');
    expect(uploadOf(engine, id!).error).toEqual({
      code: 'service_unavailable',
      message: 'fake service_unavailable',
    });
    expect(uploadOf(engine, id!).attempts).toBe(2);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('does not retry errors that are not transient', async () => {
    const backend = new FakeBackend();
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    (await backend.next('create')).reject(httpError({ code: 'bad_request', status: 400 }));
    await untilPhase(engine, id!, 'failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(backend.count('create')).toBe(1);
  });

  it('gives up a failed upload by cancelling its PENDING session, and retry() starts a new one', async () => {
    const backend = new FakeBackend({ complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, hashFile: fakeHash, retry: { attempts: 1 } });
    const [id] = engine.add([textFile('a.txt')]);
    const create = await backend.next('create');
    const session = makeSession(create.args[0] as FileCreateParams);
    create.resolve(session);
    (await backend.next('put')).reject(httpError({ code: 'network', retryable: true }));
    const cancel = await backend.next('cancel');
    expect(cancel.args[0]).toBe(session.id);
    expect(uploadOf(engine, id!).phase).not.toBe('failed'); // failed only once the session is settled
    cancel.resolve({ ...session, status: 'CANCELLED', expiresAt: null });
    await untilPhase(engine, id!, 'failed');
    expect(uploadOf(engine, id!).error?.code).toBe('network');

    engine.retry(id!);
    const recreate = await backend.next('create');
    const second = makeSession(recreate.args[0] as FileCreateParams);
    recreate.resolve(second);
    const put = await backend.next('put');
    expect((put.args[0] as FileCreateResponse).uploadUrl).toBe(second.uploadUrl);
    put.resolve(undefined);
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(backend.count('create')).toBe(2);
    expect(backend.count('retrieve')).toBe(0);
  });

  it('takes the COMPLETED file when complete had in fact succeeded (its cancel is refused), without a retry', async () => {
    const backend = new FakeBackend({ create: happyAuto.create, put: happyAuto.put });
    const onError = vi.fn();
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      retry: { attempts: 1 },
      onError,
    });
    const [id] = engine.add([textFile('a.txt')]);
    (await backend.next('complete')).reject(
      httpError({ code: 'gateway_timeout', status: 504, retryable: true }),
    );
    const cancel = await backend.next('cancel');
    cancel.reject(httpError({ code: 'conflict', status: 409 }));
    const retrieve = await backend.next('retrieve');
    expect(retrieve.args[0]).toBe(cancel.args[0]);
    const session = uploadOf(engine, id!).serverFile!;
    retrieve.resolve(
      completed({
        ...makeSession({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 11 }),
        id: session.id,
      }),
    );
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(uploadOf(engine, id!).serverFile?.id).toBe(session.id);
    expect(onError).not.toHaveBeenCalled();
    expect(backend.count('create')).toBe(1);
  });

  it('retry() ignores uploads that have not failed', async () => {
    const backend = new FakeBackend();
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await backend.next('create');
    const before = engine.getSnapshot();
    engine.retry(id!);
    await flushMicrotasks();
    expect(engine.getSnapshot()).toBe(before);
  });
});
