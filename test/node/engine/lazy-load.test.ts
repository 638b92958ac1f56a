import { describe, expect, it, vi } from 'vitest';
import { lazily } from '../../../src/core/lazy.js';

// The upload pipeline and the main-thread MD5 are part of the runner's chunk: a failed load of
// it, and the Retry that loads it again, are tested in lazy-runner.test.ts.

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
