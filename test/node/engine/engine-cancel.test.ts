import { describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  httpError,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhase } from './helpers.js';

function setup(auto: ConstructorParameters<typeof FakeBackend>[0] = {}) {
  const backend = new FakeBackend(auto);
  const onSettled = vi.fn();
  const engine = createUploadEngine({ backend, hashFile: fakeHash, concurrency: 1, onSettled });
  return { backend, engine, onSettled };
}

describe('upload engine: cancel', () => {
  it('cancels a queued upload locally, with no network call', async () => {
    const { backend, engine, onSettled } = setup();
    const [, queued] = engine.add([textFile('a.txt'), textFile('b.txt')]);
    await backend.next('create');
    engine.cancel(queued!);
    await flushMicrotasks(50);
    expect(uploadOf(engine, queued!).phase).toBe('cancelled');
    expect(backend.calls.map((c) => c.method)).toEqual(['create']);
    expect(onSettled).not.toHaveBeenCalled(); // it never started
  });

  it('cancelled while creating: the session the server makes anyway is cancelled there', async () => {
    const { backend, engine, onSettled } = setup();
    const [id, next] = engine.add([textFile('a.txt'), textFile('b.txt')]);
    const create = await backend.next('create');
    engine.cancel(id!);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(onSettled).toHaveBeenCalledTimes(1);
    // the slot is free at once
    const nextCreate = await backend.next('create');
    expect((nextCreate.args[0] as FileCreateParams).filename).toBe('b.txt');
    const session = makeSession(create.args[0] as FileCreateParams);
    create.resolve(session);
    const cancel = await backend.next('cancel');
    expect(cancel.args[0]).toBe(session.id);
    cancel.resolve({ ...session, status: 'CANCELLED' });
    await flushMicrotasks(50);
    expect(backend.count('put')).toBe(0);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(uploadOf(engine, next!).phase).toBe('creating');
  });

  it('cancelled while uploading: aborts the PUT and the MD5, POSTs cancel, never completes', async () => {
    const backend = new FakeBackend({ create: happyAuto.create });
    let hashSignal: AbortSignal | undefined;
    const engine = createUploadEngine({
      backend,
      hashFile: (_file, { signal }) => {
        hashSignal = signal;
        return new Promise(() => undefined);
      },
    });
    const [id] = engine.add([textFile('a.txt')]);
    const put = await backend.next('put');
    engine.cancel(id!);
    expect(put.signal?.aborted).toBe(true);
    expect(hashSignal?.aborted).toBe(true);
    const cancel = await backend.next('cancel');
    expect(cancel.args[0]).toBe(uploadOf(engine, id!).serverFile?.id);
    cancel.reject(httpError({ code: 'network', retryable: true })); // a failing cancel is swallowed
    await flushMicrotasks(50);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(backend.count('complete')).toBe(0);
  });

  it('cancelled while completing: aborts the request and POSTs cancel', async () => {
    const { backend, engine } = setup({
      create: happyAuto.create,
      put: happyAuto.put,
    });
    const [id] = engine.add([textFile('a.txt')]);
    const complete = await backend.next('complete');
    await untilPhase(engine, id!, 'completing');
    engine.cancel(id!);
    expect(complete.signal?.aborted).toBe(true);
    expect((await backend.next('cancel')).args[0]).toBe(complete.args[0]);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
  });

  it('cancelled while completing, after the server completed it: the server wins, the upload shows completed', async () => {
    const onUploaded = vi.fn();
    const backend = new FakeBackend({ create: happyAuto.create, put: happyAuto.put });
    const engine = createUploadEngine({ backend, hashFile: fakeHash, onUploaded });
    const [id] = engine.add([textFile('a.txt')]);
    const complete = await backend.next('complete');
    engine.cancel(id!);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    (await backend.next('cancel')).reject(
      httpError({ code: 'conflict', status: 409, serverCode: 'invalid_status' }),
    );
    const retrieve = await backend.next('retrieve');
    const done = {
      ...makeSession({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 11 }),
      id: complete.args[0] as string,
      status: 'COMPLETED' as const,
      expiresAt: null,
      completedAt: '2026-04-08T12:00:00.000Z',
    };
    retrieve.resolve(done);
    await untilPhase(engine, id!, 'completed');
    expect(uploadOf(engine, id!).serverFile?.status).toBe('COMPLETED');
    expect(onUploaded).toHaveBeenCalledTimes(1);
  });

  it('cancelled while completing, when the server accepts the cancel: stays cancelled, nothing retrieved', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: happyAuto.put,
      cancel: happyAuto.cancel,
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await backend.next('complete');
    engine.cancel(id!);
    await flushMicrotasks(50);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(backend.count('retrieve')).toBe(0);
  });

  it('is idempotent, and ignores settled uploads', async () => {
    const { backend, engine, onSettled } = setup({ ...happyAuto, put: undefined });
    const [a, b] = engine.add([textFile('a.txt'), textFile('b.txt')]);
    await backend.next('put');
    engine.cancel(a!);
    const afterFirst = engine.getSnapshot();
    engine.cancel(a!);
    expect(engine.getSnapshot()).toBe(afterFirst);
    (await backend.next('put')).resolve(undefined);
    await untilPhase(engine, b!, 'completed');
    engine.cancel(b!);
    await flushMicrotasks(50);
    expect(uploadOf(engine, b!).phase).toBe('completed');
    expect(backend.count('cancel')).toBe(1);
    expect(onSettled).toHaveBeenCalledTimes(2);
  });

  it('a failed upload has no PENDING session left: cancelling it later makes no second cancel', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      cancel: happyAuto.cancel,
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash, retry: { attempts: 1 } });
    const [id] = engine.add([textFile('a.txt')]);
    (await backend.next('put')).reject(httpError({ code: 'network', retryable: true }));
    await untilPhase(engine, id!, 'failed');
    expect(backend.count('cancel')).toBe(1);
    engine.cancel(id!);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    await flushMicrotasks();
    expect(backend.count('cancel')).toBe(1);
  });
});
