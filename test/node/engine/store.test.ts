import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpload } from '../../../src/core/upload/reducer.js';
import { createRunPart, MIN_FLUSH_INTERVAL_MS } from '../../../src/core/upload/run-part.js';
import { createUploadStore } from '../../../src/core/upload/store.js';
import type { FileObject } from '../../../src/core/lightfield/schemas.js';

const serverFile: FileObject = {
  id: 'fil_1',
  status: 'COMPLETED',
  filename: 'a.txt',
  mimeType: 'text/plain',
  sizeBytes: 4,
  createdAt: '2026-04-08T12:00:00.000Z',
  completedAt: '2026-04-08T12:00:01.000Z',
  expiresAt: null,
};
const upload = (id: string) =>
  createUpload(id, new File(['abcd'], `${id}.txt`, { type: 'text/plain' }), undefined, 1);

/**
 * A store with `count` uploads already added and notified, and a listener attached after that;
 * extended with the runner's part, as the runner does when it is made.
 */
async function storeWith(count: number) {
  const store = createUploadStore();
  store.extend(createRunPart);
  store.dispatch({
    type: 'added',
    uploads: Array.from({ length: count }, (_, i) => upload(`u${i}`)),
  });
  await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
  const listener = vi.fn();
  store.subscribe(listener);
  return { store, listener };
}

describe('upload store: notification pace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('caps working-phase, MD5 and progress changes of many uploads at one notification per interval', async () => {
    const { store, listener } = await storeWith(50);
    const second = 1000;
    // Every 4 ms one of fifty uploads changes phase, gets its MD5 or reports progress.
    for (let t = 0, i = 0; t < second; t += 4, i = (i + 1) % 50) {
      const localId = `u${i}`;
      store.dispatch({ type: 'phase', localId, phase: t % 8 === 0 ? 'uploading' : 'hashing' });
      store.dispatch({ type: 'md5', localId, md5: `${t}` });
      store.dispatch({ type: 'progress', localId, loaded: t % 4, bytesPerSecond: t }, 'frame');
      await vi.advanceTimersByTimeAsync(4);
    }
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
    expect(listener.mock.calls.length).toBeGreaterThan(10); // still live
    expect(listener.mock.calls.length).toBeLessThanOrEqual(
      Math.ceil(second / MIN_FLUSH_INTERVAL_MS) + 1,
    );
    expect(store.getSnapshot().uploads.every((u) => u.md5 !== undefined)).toBe(true);
  });

  it('notifies settled phases on a microtask even right after another notification, with pending changes', async () => {
    const { store, listener } = await storeWith(2);
    store.dispatch({ type: 'phase', localId: 'u0', phase: 'uploading' });
    store.dispatch({ type: 'md5', localId: 'u1', md5: 'ab' });
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(1);
    store.dispatch({ type: 'phase', localId: 'u1', phase: 'uploading' }); // waits: a flush just happened
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
    store.dispatch({
      type: 'failed',
      localId: 'u0',
      error: { code: 'network', message: 'The connection dropped.' },
    });
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().uploads.map((u) => u.phase)).toEqual(['failed', 'uploading']);
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS * 2);
    expect(listener).toHaveBeenCalledTimes(2); // the phase change went out with the failure
  });

  it('notifies a completion with the next paced flush, not on the microtask after the answer', async () => {
    const { store, listener } = await storeWith(2);
    store.dispatch({ type: 'completed', localId: 'u0', serverFile });
    await Promise.resolve();
    await Promise.resolve();
    // No render between the complete's answer and the lane's next request.
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot().uploads[0]!.phase).toBe('completed');
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('getSnapshot shows a change before its notification', async () => {
    const { store, listener } = await storeWith(1);
    store.dispatch({ type: 'md5', localId: 'u0', md5: 'ab' });
    expect(store.getSnapshot().uploads[0]!.md5).toBe('ab');
    expect(listener).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('upload store before the runner is there', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('notifies every change on a microtask, and run actions change nothing until the runner part comes', async () => {
    const store = createUploadStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'added', uploads: [upload('u0'), upload('u1')] });
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
    const before = store.getState();
    store.dispatch({ type: 'phase', localId: 'u0', phase: 'uploading' });
    store.dispatch({ type: 'completed', localId: 'u0', serverFile });
    expect(store.getState()).toBe(before);
    store.dispatch({ type: 'cancelled', localId: 'u1' });
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().uploads.map((u) => u.phase)).toEqual(['queued', 'cancelled']);

    store.extend(createRunPart);
    store.dispatch({ type: 'phase', localId: 'u0', phase: 'uploading' });
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(2); // paced now: waits for the interval
    expect(store.getSnapshot().uploads[0]!.phase).toBe('uploading');
    await vi.advanceTimersByTimeAsync(MIN_FLUSH_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('after destroy, flushes run actions on microtasks only', async () => {
    const { store, listener } = await storeWith(1);
    store.destroy();
    store.dispatch({ type: 'phase', localId: 'u0', phase: 'uploading' });
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
