import { describe, expect, it, vi } from 'vitest';
import { lazily } from '../../../src/core/lazy.js';

// The pipeline chunk fails to load the first time (a deploy replaced it, the network dropped).
const pipelineLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/upload/pipeline.js', async (importOriginal) => {
  pipelineLoads.count += 1;
  if (pipelineLoads.count === 1) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const { createUploadEngine } = await import('../../../src/core/upload/engine.js');
const { FakeBackend, happyAuto, textFile } = await import('../../support/fake-backend.js');
const { fakeHash, until } = await import('./helpers.js');

describe('lazily', () => {
  it('loads once and shares the module between callers', async () => {
    const load = vi.fn(async () => ({ value: 42 }));
    const get = lazily(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a failed load into a retryable `network` error and tries again on the next call', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce({ ok: true });
    const get = lazily(load);
    await expect(get()).rejects.toMatchObject({
      name: 'FiledockError',
      code: 'network',
      retryable: true,
      message: expect.stringContaining('Failed to fetch'),
    });
    expect(await get()).toEqual({ ok: true });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('upload engine when its pipeline chunk fails to load', () => {
  it('fails the upload with `network`, and a retry loads the chunk and completes it', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, hashFile: fakeHash, retry: { attempts: 1 } });
    const [id] = engine.add([textFile('a.txt')]);
    const failed = await until(engine, (s) => s.uploads[0]?.phase === 'failed');
    expect(failed.uploads[0]?.error?.code).toBe('network');
    expect(backend.count('create')).toBe(0);
    engine.retry(id!);
    await until(engine, (s) => s.uploads[0]?.phase === 'completed');
    expect(backend.count('create')).toBe(1);
    expect(pipelineLoads.count).toBe(2);
  });
});
