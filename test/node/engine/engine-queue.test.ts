import { describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { MIN_FLUSH_INTERVAL_MS } from '../../../src/core/upload/run-part.js';
import {
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  httpError,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, manualConnectivity, uploadOf, untilPhase } from './helpers.js';

describe('upload engine: queue', () => {
  it('runs at most `concurrency` uploads, FIFO, and starts the next when one settles', async () => {
    const backend = new FakeBackend({ put: happyAuto.put, complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, concurrency: 2, hashFile: fakeHash });
    const ids = engine.add(['a', 'b', 'c', 'd'].map((name) => textFile(`${name}.txt`)));
    const first = await backend.next('create');
    const second = await backend.next('create');
    await flushMicrotasks(50);
    expect(backend.count('create')).toBe(2);
    expect([first, second].map((call) => (call.args[0] as FileCreateParams).filename)).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(ids.slice(2).map((id) => uploadOf(engine, id).phase)).toEqual(['queued', 'queued']);

    second.resolve(makeSession(second.args[0] as FileCreateParams));
    const third = await backend.next('create');
    expect((third.args[0] as FileCreateParams).filename).toBe('c.txt');
    await untilPhase(engine, ids[1]!, 'completed');
    expect(backend.count('create')).toBe(3);
    expect(uploadOf(engine, ids[3]!).phase).toBe('queued');
  });

  it('defaults to 4 at once', async () => {
    const backend = new FakeBackend();
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    engine.add(Array.from({ length: 6 }, (_, i) => textFile(`${i}.txt`)));
    for (let i = 0; i < 4; i += 1) await backend.next('create');
    await flushMicrotasks(50);
    expect(backend.count('create')).toBe(4);
  });

  it('pauses new steps while offline and resumes on online, without spending retries', async () => {
    const connectivity = manualConnectivity(true);
    const backend = new FakeBackend({
      create: happyAuto.create,
      complete: happyAuto.complete,
    });
    const engine = createUploadEngine({
      backend,
      concurrency: 1,
      connectivity,
      hashFile: fakeHash,
      retry: { attempts: 1 },
    });
    const [a, b] = engine.add([textFile('a.txt'), textFile('b.txt')]);
    const put = await backend.next('put');
    connectivity.set(false);
    put.reject(httpError({ code: 'network', retryable: true }));
    await flushMicrotasks(50);
    // attempts: 1 means no automatic retry at all, yet the offline failure did not fail the upload
    expect(uploadOf(engine, a!).phase).toBe('uploading');
    expect(uploadOf(engine, a!).attempts).toBe(0);
    expect(backend.count('put')).toBe(1);
    // b's session was made while a's PUT ran (one create ahead per lane); its PUT waits for a.
    expect(uploadOf(engine, b!).phase).toBe('creating');
    expect(backend.count('create')).toBe(2);

    connectivity.set(true);
    (await backend.next('put')).resolve(undefined);
    await untilPhase(engine, a!, 'completed');
    (await backend.next('put')).resolve(undefined);
    await untilPhase(engine, b!, 'completed');
  });

  it('does not start queued uploads while offline', async () => {
    const connectivity = manualConnectivity(false);
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, connectivity, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await flushMicrotasks(50);
    expect(backend.calls).toHaveLength(0);
    expect(uploadOf(engine, id!).phase).toBe('queued');
    connectivity.set(true);
    await untilPhase(engine, id!, 'completed');
  });
});

describe('upload engine: notifications', () => {
  it('coalesces many progress events into about one notification per frame', async () => {
    vi.useFakeTimers();
    try {
      const backend = new FakeBackend({ create: happyAuto.create });
      const engine = createUploadEngine({ backend, hashFile: fakeHash, concurrency: 10 });
      engine.add(Array.from({ length: 10 }, (_, i) => textFile(`${i}.txt`, 'x'.repeat(1000))));
      const puts = await Promise.all(Array.from({ length: 10 }, () => backend.next('put')));
      // Past the pacing interval since the last notification: the next one waits for a frame only.
      await vi.advanceTimersByTimeAsync(2 * MIN_FLUSH_INTERVAL_MS + 20);
      const listener = vi.fn();
      engine.subscribe(listener);
      for (let loaded = 1; loaded <= 100; loaded += 1) {
        for (const put of puts) put.onProgress?.({ loaded: loaded * 10, total: 1000 });
      }
      expect(listener).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(16);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(engine.getSnapshot().progress).toMatchObject({
        loaded: 10_000,
        total: 10_000,
        percent: 100,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('returns the same snapshot object until something changes', async () => {
    const backend = new FakeBackend();
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const empty = engine.getSnapshot();
    expect(engine.getSnapshot()).toBe(empty);
    engine.add([textFile('a.txt')]);
    const added = engine.getSnapshot();
    expect(added).not.toBe(empty);
    expect(engine.getSnapshot()).toBe(added);
    engine.cancel('unknown-id');
    expect(engine.getSnapshot()).toBe(added);
  });

  it('notifies phase changes on a microtask, without waiting for a frame', async () => {
    vi.useFakeTimers();
    try {
      const backend = new FakeBackend();
      const engine = createUploadEngine({ backend, hashFile: fakeHash });
      const listener = vi.fn();
      engine.subscribe(listener);
      engine.add([textFile('a.txt')]);
      await flushMicrotasks();
      expect(listener).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('smooths speed and computes an ETA from it', async () => {
    vi.useFakeTimers();
    try {
      const backend = new FakeBackend({ create: happyAuto.create });
      const engine = createUploadEngine({ backend, hashFile: fakeHash });
      const [id] = engine.add([textFile('a.txt', 'x'.repeat(10_000))]);
      const put = await backend.next('put');
      for (let second = 1; second <= 4; second += 1) {
        await vi.advanceTimersByTimeAsync(1000);
        put.onProgress?.({ loaded: second * 1000, total: 10_000 });
      }
      await vi.advanceTimersByTimeAsync(16);
      const { progress } = uploadOf(engine, id!);
      expect(progress.bytesPerSecond).toBeCloseTo(1000, 0);
      expect(progress.etaSeconds).toBeCloseTo(6, 0);
      expect(engine.getSnapshot().progress.bytesPerSecond).toBeCloseTo(1000, 0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('upload engine: records', () => {
  it('remove() cancels an active upload and drops it; clear() drops settled ones only', async () => {
    const backend = new FakeBackend({ ...happyAuto, put: undefined });
    const engine = createUploadEngine({ backend, hashFile: fakeHash, purpose: 'knowledge_user' });
    const [active, done, refused] = engine.add([
      textFile('a.txt'),
      textFile('b.txt'),
      textFile('c.exe', 'MZ', ''),
    ]);
    const putA = await backend.next('put');
    (await backend.next('put')).resolve(undefined);
    await untilPhase(engine, done!, 'completed');
    expect(uploadOf(engine, refused!).phase).toBe('rejected');

    engine.clear();
    expect(engine.getSnapshot().uploads.map((u) => u.localId)).toEqual([active]);
    engine.remove(active!);
    expect(putA.signal?.aborted).toBe(true);
    expect(engine.getSnapshot().uploads).toEqual([]);
    await backend.next('cancel');
    expect(backend.count('cancel')).toBe(1);
  });

  it('localizes terminal errors through `messages`', async () => {
    const backend = new FakeBackend({
      create: () => httpError({ code: 'forbidden', status: 403 }),
    });
    const onError = vi.fn();
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      onError,
      purpose: 'knowledge_user',
      messages: {
        forbidden: ({ file }) => `Keine Berechtigung für ${file.name}`,
        'file-invalid-type': 'Dateityp nicht erlaubt',
      },
    });
    const [ok, bad] = engine.add([textFile('a.txt'), textFile('x.exe', 'MZ', '')]);
    await untilPhase(engine, ok!, 'failed');
    expect(uploadOf(engine, ok!).error).toEqual({
      code: 'forbidden',
      message: 'Keine Berechtigung für a.txt',
    });
    expect(onError).toHaveBeenCalledWith(
      { code: 'forbidden', message: 'Keine Berechtigung für a.txt' },
      expect.objectContaining({ localId: ok }),
    );
    expect(uploadOf(engine, bad!).rejection?.errors).toEqual([
      {
        code: 'file-invalid-type',
        message: 'Dateityp nicht erlaubt',
        params: { fileName: 'x.exe', types: expect.any(Array) },
      },
    ]);
  });

  it("gives `messages` a validation error's params, so a translation can state the limit", () => {
    const engine = createUploadEngine({
      backend: new FakeBackend(),
      hashFile: fakeHash,
      rules: { none: { maxSize: 4, minSize: 1, maxFilenameLength: 255 } },
      messages: {
        'file-too-large': ({ params }) => `zu groß: ${params?.size} > ${params?.maxSize}`,
      },
    });
    const [big] = engine.add([textFile('big.txt', '0123456789')]);
    expect(uploadOf(engine, big!).rejection?.errors).toEqual([
      {
        code: 'file-too-large',
        message: 'zu groß: 10 > 4',
        params: { fileName: 'big.txt', size: 10, maxSize: 4 },
      },
    ]);
  });
});

describe('upload engine: destroy', () => {
  it('stops listening to connectivity and lets paused uploads go on', async () => {
    const connectivity = manualConnectivity(false);
    const subscribe = vi.spyOn(connectivity, 'subscribe');
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, connectivity, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    // The runner listens from when it is loaded, which the first file added asks for.
    await vi.waitFor(() => expect(subscribe).toHaveBeenCalledTimes(1));
    const unsubscribe = subscribe.mock.results[0]!.value as () => boolean;
    await flushMicrotasks(50);
    expect(backend.calls).toHaveLength(0);
    engine.destroy();
    expect(unsubscribe()).toBe(false); // already removed by destroy
    await untilPhase(engine, id!, 'completed');
  });
});
