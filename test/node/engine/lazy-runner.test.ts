import { describe, expect, it, vi } from 'vitest';

// The runner chunk arrives when the test lets it, and its first load fails (a deploy replaced
// it, the network dropped).
const runnerChunk = vi.hoisted(() => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { loads: 0, gate, open };
});
vi.mock('../../../src/core/upload/runner-loaded.js', async (importOriginal) => {
  runnerChunk.loads += 1;
  await runnerChunk.gate;
  if (runnerChunk.loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const { createUploadEngine } = await import('../../../src/core/upload/engine.js');
const { FakeBackend, happyAuto, textFile } = await import('../../support/fake-backend.js');
const { fakeHash, until, uploadOf } = await import('./helpers.js');

describe('upload engine while its runner chunk loads', () => {
  it('shows, refuses, cancels and removes files at once; a failed load fails the rest with `network`, and Retry loads again', async () => {
    const backend = new FakeBackend(happyAuto);
    const onError = vi.fn();
    const onStart = vi.fn();
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      retry: { attempts: 1 },
      purpose: 'knowledge_workspace',
      onError,
      onStart,
    });
    const [kept, refused, cancelled, removed] = engine.add([
      textFile('a.txt'),
      textFile('b.exe', 'MZ', 'application/x-msdownload'),
      textFile('c.txt'),
      textFile('d.txt'),
    ]);
    // Synchronously, with the runner not there yet.
    expect(engine.getSnapshot().uploads.map((upload) => upload.phase)).toEqual([
      'queued',
      'rejected',
      'queued',
      'queued',
    ]);
    expect(uploadOf(engine, refused!).error?.code).toBe('file-invalid-type');
    engine.cancel(cancelled!);
    expect(uploadOf(engine, cancelled!).phase).toBe('cancelled');
    engine.remove(removed!);
    expect(engine.getSnapshot().uploads.map((upload) => upload.localId)).toEqual([
      kept,
      refused,
      cancelled,
    ]);

    runnerChunk.open();
    const failed = await until(engine, () => uploadOf(engine, kept!).phase === 'failed');
    expect(failed.uploads[0]?.error).toMatchObject({
      code: 'network',
      message: expect.stringContaining('Could not load part of filedock'),
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'network' });
    expect(onStart).not.toHaveBeenCalled(); // it never started
    expect(backend.calls).toHaveLength(0);

    engine.retry(kept!);
    expect(uploadOf(engine, kept!).phase).toBe('queued');
    await until(engine, () => uploadOf(engine, kept!).phase === 'completed');
    expect(runnerChunk.loads).toBe(2);
    // Only the file left queued ran: the cancelled and removed ones were forgotten before it.
    expect(backend.count('create')).toBe(1);
    expect(uploadOf(engine, cancelled!).phase).toBe('cancelled');
  });
});
