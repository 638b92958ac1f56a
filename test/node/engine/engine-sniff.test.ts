import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { FakeBackend, happyAuto, textFile } from './fake-backend.js';
import { fakeHash, until } from './helpers.js';

describe('upload engine: sniffing many files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the first bytes of a few files at a time, yet sniffs and uploads every one, in order', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash, concurrency: 50 });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const ids = engine.add(Array.from({ length: 200 }, (_, i) => textFile(`${i}.txt`)));
    // One long task otherwise: every file's Blob.slice + read started inside `add`.
    expect(slice.mock.calls.length).toBeGreaterThan(0);
    expect(slice.mock.calls.length).toBeLessThanOrEqual(8);
    await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));
    expect(engine.getSnapshot().uploads.map((u) => u.localId)).toEqual(ids);
    expect(backend.count('createSession')).toBe(200);
  });

  it('skips reading files cancelled while they waited to be sniffed', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const ids = engine.add(Array.from({ length: 20 }, (_, i) => textFile(`${i}.txt`)));
    const slice = vi.spyOn(Blob.prototype, 'slice');
    for (const id of ids.slice(10)) engine.cancel(id);
    await until(engine, (s) => s.uploads.slice(0, 10).every((u) => u.phase === 'completed'));
    expect(slice.mock.calls.length).toBeLessThanOrEqual(10 - 8);
    expect(backend.count('createSession')).toBe(10);
  });
});
