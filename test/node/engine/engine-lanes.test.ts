import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhase } from './helpers.js';

const nameOf = (call: { args: unknown[] }) => (call.args[0] as FileCreateParams).filename;

describe('upload engine: lanes', () => {
  afterEach(() => vi.restoreAllMocks());

  it("creates the next file's session while the current PUT runs, one create ahead per lane", async () => {
    const backend = new FakeBackend({ create: happyAuto.create, complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, concurrency: 1, hashFile: fakeHash });
    const ids = engine.add(['a', 'b', 'c'].map((name) => textFile(`${name}.txt`)));
    const firstPut = await backend.next('put');
    await flushMicrotasks(50);
    // a's PUT is under way; b's session is made beside it, c waits.
    expect(backend.pending('put')).toHaveLength(1);
    expect(backend.calls.filter((c) => c.method === 'create').map(nameOf)).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(uploadOf(engine, ids[2]!).phase).toBe('queued');
    firstPut.resolve(undefined);
    // b's PUT starts only once a's transfer is over, with the session made ahead.
    const secondPut = await backend.next('put');
    await untilPhase(engine, ids[0]!, 'completed');
    expect(backend.pending('put')).toHaveLength(1);
    expect(secondPut.args[1]).toBe(uploadOf(engine, ids[1]!).file);
    secondPut.resolve(undefined);
    (await backend.next('put')).resolve(undefined);
    await untilPhase(engine, ids[2]!, 'completed');
    expect(backend.count('create')).toBe(3);
  });

  it("starts the next file's PUT while the last file's complete is answered, and no more completes than lanes", async () => {
    const backend = new FakeBackend({ create: happyAuto.create, put: happyAuto.put });
    const engine = createUploadEngine({ backend, concurrency: 1, hashFile: fakeHash });
    const ids = engine.add(['a', 'b', 'c'].map((name) => textFile(`${name}.txt`)));
    const first = await backend.next('complete');
    // a's complete is out; its lane already sends b's bytes, and b's complete follows.
    const second = await backend.next('complete');
    await flushMicrotasks(50);
    expect(backend.count('put')).toBe(2);
    // One lane, one complete outside it: b keeps its transfer slot, so c's PUT waits.
    expect(backend.count('complete')).toBe(2);
    first.resolve(happyAuto.complete!(first));
    await untilPhase(engine, ids[0]!, 'completed');
    const third = await backend.next('complete');
    expect(backend.count('put')).toBe(3);
    second.resolve(happyAuto.complete!(second));
    third.resolve(happyAuto.complete!(third));
    await untilPhase(engine, ids[2]!, 'completed');
    expect(uploadOf(engine, ids[1]!).phase).toBe('completed');
  });

  it('cancels a session made ahead when its upload is cancelled while waiting for a lane', async () => {
    const backend = new FakeBackend({ ...happyAuto, put: undefined });
    const engine = createUploadEngine({ backend, concurrency: 1, hashFile: fakeHash });
    const [, second] = engine.add(['a', 'b'].map((name) => textFile(`${name}.txt`)));
    await backend.next('put');
    await untilPhase(engine, second!, 'creating');
    await flushMicrotasks(50);
    const session = uploadOf(engine, second!).serverFile;
    expect(session).toBeDefined();
    engine.cancel(second!);
    await flushMicrotasks(50);
    expect(uploadOf(engine, second!).phase).toBe('cancelled');
    expect(backend.calls.filter((c) => c.method === 'cancel').map((c) => c.args[0])).toEqual([
      session!.id,
    ]);
    expect(backend.count('put')).toBe(1);
  });

  it('sniffs a large pick only a little ahead of the queue', async () => {
    const backend = new FakeBackend();
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const engine = createUploadEngine({ backend, concurrency: 2, hashFile: fakeHash });
    const ids = engine.add(Array.from({ length: 100 }, (_, i) => textFile(`${i}.txt`)));
    await backend.next('create');
    await backend.next('create');
    await flushMicrotasks(100);
    // Two creates running, two more files sniffed and ready: four reads, not a hundred.
    expect(slice.mock.calls.length).toBe(4);
    expect(ids.slice(2).every((id) => uploadOf(engine, id).phase === 'queued')).toBe(true);
    const create = backend.pending('create')[0]!;
    create.resolve(makeSession(create.args[0] as FileCreateParams));
    await backend.next('create');
    await flushMicrotasks(100);
    expect(slice.mock.calls.length).toBe(5);
  });

  it('starts a pick of more than 100 files once the main thread is idle, not inside add', async () => {
    const backend = new FakeBackend(happyAuto);
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const ids = engine.add(Array.from({ length: 101 }, (_, i) => textFile(`${i}.txt`)));
    await flushMicrotasks(100);
    expect(slice).not.toHaveBeenCalled();
    expect(backend.calls).toHaveLength(0);
    await untilPhase(engine, ids[0]!, 'completed');
    const small = createUploadEngine({ backend, hashFile: fakeHash });
    small.add(Array.from({ length: 100 }, (_, i) => textFile(`${i}.txt`)));
    const before = slice.mock.calls.length;
    await flushMicrotasks(100);
    expect(slice.mock.calls.length).toBeGreaterThan(before);
  });
});
