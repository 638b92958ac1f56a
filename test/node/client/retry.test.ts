import { describe, expect, it, vi } from 'vitest';
import { FiledockError } from '../../../src/core/errors.js';
import { sleep } from '../../../src/core/http/abort.js';
import {
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  backoffDelay,
  isRetryableStatus,
  retryDelay,
} from '../../../src/core/http/backoff.js';
import { withRetries } from '../../../src/core/http/retry.js';

const transient = (retryAfterMs?: number) =>
  new FiledockError({
    code: 'service_unavailable',
    message: 'down',
    status: 503,
    retryable: true,
    retryAfterMs,
  });

describe('backoffDelay', () => {
  it('doubles from the base: 0.5 s, 1 s, 2 s with no jitter', () => {
    const noJitter = () => 0;
    expect([0, 1, 2].map((n) => backoffDelay(n, 500, noJitter))).toEqual([500, 1000, 2000]);
  });

  it('jitters down by at most a quarter', () => {
    expect(backoffDelay(1, 500, () => 1)).toBe(750);
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(2, 500);
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('caps the wait at 8 s', () => {
    expect(backoffDelay(10, 500, () => 0)).toBe(MAX_BACKOFF_MS);
  });
});

describe('retryDelay', () => {
  it("uses the server's wait when it sent one", () => {
    expect(retryDelay(0, 3000, 500, () => 0)).toBe(3000);
    expect(retryDelay(0, 0, 500, () => 0)).toBe(0);
  });

  it('caps a huge Retry-After at 60 s', () => {
    expect(retryDelay(0, 3_600_000, 500)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('falls back to backoff without one', () => {
    expect(retryDelay(1, undefined, 500, () => 0)).toBe(1000);
  });
});

describe('isRetryableStatus', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i', (status) =>
    expect(isRetryableStatus(status)).toBe(true),
  );
  it.each([400, 401, 403, 404, 412, 415, 418, 422])('does not retry %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );
});

describe('sleep', () => {
  it('rejects with aborted when the signal fires during the wait', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const waiting = sleep(10_000, controller.signal);
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects at once for an already aborted signal', async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('withRetries', () => {
  it('retries a retryable failure up to maxRetries, then throws the last error', async () => {
    vi.useFakeTimers();
    try {
      const attempt = vi.fn(async () => {
        throw transient();
      });
      const delays: number[] = [];
      const run = withRetries(attempt, { maxRetries: 2, baseDelayMs: 100 }, undefined, (_e, ms) =>
        delays.push(ms),
      );
      const settled = expect(run).rejects.toMatchObject({ code: 'service_unavailable' });
      await vi.runAllTimersAsync();
      await settled;
      expect(attempt).toHaveBeenCalledTimes(3);
      expect(delays).toHaveLength(2);
      expect(delays[0]).toBeGreaterThanOrEqual(75);
      expect(delays[0]).toBeLessThanOrEqual(100);
      expect(delays[1]).toBeGreaterThanOrEqual(150);
      expect(delays[1]).toBeLessThanOrEqual(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits what the error asked for', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const delays: number[] = [];
      const run = withRetries(
        async () => {
          calls += 1;
          if (calls === 1) throw transient(2500);
          return 'ok';
        },
        { maxRetries: 2, baseDelayMs: 100 },
        undefined,
        (_e, ms) => delays.push(ms),
      );
      await vi.advanceTimersByTimeAsync(2499);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(run).resolves.toBe('ok');
      expect(delays).toEqual([2500]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never retries a non-retryable error', async () => {
    const attempt = vi.fn(async () => {
      throw new FiledockError({ code: 'bad_request', message: 'no', status: 400 });
    });
    await expect(
      withRetries(attempt, { maxRetries: 5, baseDelayMs: 1 }, undefined),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('makes exactly one attempt with maxRetries 0', async () => {
    const failure = transient();
    const attempt = vi.fn(async () => {
      throw failure;
    });
    await expect(withRetries(attempt, { maxRetries: 0, baseDelayMs: 1 }, undefined)).rejects.toBe(
      failure,
    );
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('stops waiting and rejects with aborted when the signal fires during backoff', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const attempt = vi.fn(async () => {
        throw transient(30_000);
      });
      const run = withRetries(attempt, { maxRetries: 2, baseDelayMs: 100 }, controller.signal);
      const settled = expect(run).rejects.toMatchObject({ code: 'aborted' });
      await vi.advanceTimersByTimeAsync(10);
      controller.abort();
      await settled;
      expect(attempt).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
