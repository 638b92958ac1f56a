import { describe, expect, it, vi } from 'vitest';
import { FiledockError } from '../../../src/core/errors.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { FakeBackend, happyAuto, textFile } from '../../support/fake-backend.js';
import { fakeHash, until, uploadOf } from './helpers.js';

const flush = async (times = 20) => {
  for (let i = 0; i < times; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('upload engine: loadWithRunner', () => {
  it('starts no upload before what it loads is there; adding, rejecting and cancelling stay synchronous', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const loadWithRunner = vi.fn(() => gate);
    const onStart = vi.fn();
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      purpose: 'knowledge_workspace',
      loadWithRunner,
      onStart,
    });
    const [kept, refused, cancelled] = engine.add([
      textFile('a.txt'),
      textFile('b.exe', 'MZ', 'application/x-msdownload'),
      textFile('c.txt'),
    ]);
    expect(engine.getSnapshot().uploads.map((upload) => upload.phase)).toEqual([
      'queued',
      'rejected',
      'queued',
    ]);
    expect(uploadOf(engine, refused!).error?.code).toBe('file-invalid-type');
    engine.cancel(cancelled!);
    expect(uploadOf(engine, cancelled!).phase).toBe('cancelled');

    await flush();
    expect(loadWithRunner).toHaveBeenCalled();
    expect(onStart).not.toHaveBeenCalled();
    expect(backend.calls).toHaveLength(0);
    expect(uploadOf(engine, kept!).phase).toBe('queued');

    open();
    await until(engine, () => uploadOf(engine, kept!).phase === 'completed');
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(backend.count('create')).toBe(1);
  });

  it('a rejection fails the waiting files with it, and Retry calls it again', async () => {
    const loadWithRunner = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(
        new FiledockError({ code: 'network', message: 'Could not load part of filedock: x' }),
      )
      .mockResolvedValue(undefined);
    const onError = vi.fn();
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      retry: { attempts: 1 },
      loadWithRunner,
      onError,
    });
    const [id] = engine.add([textFile('a.txt')]);
    await until(engine, () => uploadOf(engine, id!).phase === 'failed');
    expect(uploadOf(engine, id!).error).toMatchObject({ code: 'network' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(backend.calls).toHaveLength(0);

    engine.retry(id!);
    expect(uploadOf(engine, id!).phase).toBe('queued');
    await until(engine, () => uploadOf(engine, id!).phase === 'completed');
    expect(loadWithRunner).toHaveBeenCalledTimes(2);
  });
});
