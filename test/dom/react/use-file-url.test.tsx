import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filesQueryKeys } from '../../../src/react/keys.js';
import { useFileUrl } from '../../../src/react/use-file-url.js';
import { FakeBackend } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const LIFETIME = 60_000; // refreshed 10% = 6 s early

/** Advance fake time and let promises and React settle. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** Let an answer reach the render: React Query batches notifications on (fake) timers. */
const settle = () => advance(10);

describe('useFileUrl', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('refreshes the URL shortly before it expires', async () => {
    let n = 0;
    const backend = new FakeBackend().answer('url', () => {
      n += 1;
      return {
        url: `https://storage.test/f?v=${n}`,
        expiresAt: new Date(Date.now() + LIFETIME).toISOString(),
      };
    });
    const { result } = renderHookWithProviders(() => useFileUrl('file_1'), { backend });
    await advance(0);
    expect(result.current.data?.url).toBe('https://storage.test/f?v=1');

    await advance(LIFETIME - 6_000 - 1);
    expect(backend.count('url')).toBe(1);
    await advance(1);
    expect(backend.count('url')).toBe(2);
    await settle();
    expect(result.current.data?.url).toBe('https://storage.test/f?v=2');

    await advance(LIFETIME - 6_000 - 10);
    await settle();
    expect(result.current.data?.url).toBe('https://storage.test/f?v=3');
  });

  it('never returns a URL past its expiry, even when the refresh has not come back', async () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFileUrl('file_1'), { backend });
    (await backend.next('url')).resolve({
      url: 'https://storage.test/old',
      expiresAt: new Date(T0 + LIFETIME).toISOString(),
    });
    await advance(0);
    expect(result.current.data?.url).toBe('https://storage.test/old');

    await advance(LIFETIME - 6_000);
    const refresh = await backend.next('url');
    await advance(6_000 - 1);
    expect(result.current.data?.url).toBe('https://storage.test/old');
    await advance(1);
    expect(result.current.data).toBeUndefined();
    expect(result.current.isFetching).toBe(true);

    refresh.resolve({
      url: 'https://storage.test/new',
      expiresAt: new Date(Date.now() + LIFETIME).toISOString(),
    });
    await advance(0);
    expect(result.current.data?.url).toBe('https://storage.test/new');
  });

  it('does not hand out an expired URL found in the cache, and fetches a fresh one', async () => {
    const backend = new FakeBackend();
    const queryClient = testQueryClient();
    const dead = { url: 'https://storage.test/dead', expiresAt: new Date(T0 - 1).toISOString() };
    queryClient.setQueryData(filesQueryKeys.url('file_2'), dead);
    const { result } = renderHookWithProviders(() => useFileUrl('file_2'), {
      backend,
      queryClient,
    });
    expect(result.current.data).toBeUndefined();
    const fresh = await backend.next('url');
    expect(fresh.args[0]).toBe('file_2');
    fresh.resolve({
      url: 'https://storage.test/live',
      expiresAt: new Date(T0 + LIFETIME).toISOString(),
    });
    await advance(0);
    expect(result.current.data?.url).toBe('https://storage.test/live');
  });

  it('fetches nothing without an id', async () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFileUrl(undefined), { backend });
    await advance(60_000);
    expect(backend.count('url')).toBe(0);
    expect(result.current.fetchStatus).toBe('idle');
  });
});
