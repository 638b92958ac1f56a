import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
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

  it('reads a small file that sends an MD5 once, whole: its type and its MD5 from the same bytes', async () => {
    const backend = new FakeBackend(happyAuto);
    // No hashFile: the engine's own MD5, as an app gets it.
    const engine = createUploadEngine({ backend });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const stream = vi.spyOn(Blob.prototype, 'stream');
    const read = vi.spyOn(Blob.prototype, 'arrayBuffer');
    // A PDF by its bytes under a name that claims nothing: the type comes from the one read.
    const bytes = `%PDF-1.7\n${'x'.repeat(200 * 1024)}`;
    const [id] = engine.add([new File([bytes], 'report', { type: '' })]);
    await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));

    expect(engine.getSnapshot().uploads[0]?.localId).toBe(id);
    expect(read).toHaveBeenCalledTimes(1);
    expect(slice).not.toHaveBeenCalled();
    expect(stream).not.toHaveBeenCalled();
    const create = backend.calls.find((call) => call.method === 'create');
    expect((create?.args[0] as FileCreateParams | undefined)?.mimeType).toBe('application/pdf');
    const complete = backend.calls.find((call) => call.method === 'complete');
    expect(complete?.args[1]).toEqual({ md5: createHash('md5').update(bytes).digest('hex') });
  });

  it('sniffs only the first bytes of a file above the main-thread MD5 size', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const content = new Uint8Array(2 * 1024 * 1024).fill(7);
    engine.add([new File([content], 'big.bin')]);
    await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));
    expect(slice.mock.calls.map(([start, end]) => [start, end])).toEqual([[0, 1024]]);
    const complete = backend.calls.find((call) => call.method === 'complete');
    expect(complete?.args[1]).toEqual({ md5: createHash('md5').update(content).digest('hex') });
  });

  it("leaves the reading to the app's own hashFile: the engine sniffs the head only", async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const read = vi.spyOn(Blob.prototype, 'arrayBuffer');
    engine.add([textFile('small.txt')]);
    await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));
    expect(slice.mock.calls.map(([start, end]) => [start, end])).toEqual([[0, 1024]]);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
