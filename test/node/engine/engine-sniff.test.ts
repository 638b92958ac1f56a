import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { FakeBackend, happyAuto, textFile } from '../../support/fake-backend.js';
import { fakeHash, until } from './helpers.js';

describe('upload engine: sniffing many files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the first bytes of a few files at a time, yet sniffs and uploads every one, in order', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash, concurrency: 50 });
    // Counts the sniff reads in flight: each is a Blob.slice + read of the first bytes.
    let reading = 0;
    let mostReading = 0;
    const slice = Blob.prototype.slice;
    vi.spyOn(Blob.prototype, 'slice').mockImplementation(function (
      this: Blob,
      ...args: Parameters<Blob['slice']>
    ) {
      const part = slice.apply(this, args);
      const read = part.arrayBuffer.bind(part);
      part.arrayBuffer = () => {
        reading += 1;
        mostReading = Math.max(mostReading, reading);
        return read().finally(() => (reading -= 1));
      };
      return part;
    });
    const ids = engine.add(Array.from({ length: 200 }, (_, i) => textFile(`${i}.txt`)));
    await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));
    // One long task otherwise: every file's Blob.slice + read started at once.
    expect(mostReading).toBeGreaterThan(0);
    expect(mostReading).toBeLessThanOrEqual(8);
    expect(engine.getSnapshot().uploads.map((u) => u.localId)).toEqual(ids);
    expect(backend.count('create')).toBe(200);
  });

  it('skips reading files cancelled while they waited to be sniffed', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const ids = engine.add(Array.from({ length: 20 }, (_, i) => textFile(`${i}.txt`)));
    // Files 10–19 wait behind the first 8 sniffs, so they are cancelled before any read.
    for (const id of ids.slice(10)) engine.cancel(id);
    await until(engine, (s) => s.uploads.slice(0, 10).every((u) => u.phase === 'completed'));
    expect(slice.mock.calls.length).toBe(10);
    expect(backend.count('create')).toBe(10);
  });
});
