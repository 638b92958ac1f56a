import { act, waitFor } from '@testing-library/react';
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
    const backend = new FakeBackend().answer('downloadUrl', () => {
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
    expect(backend.count('downloadUrl')).toBe(1);
    await advance(1);
    expect(backend.count('downloadUrl')).toBe(2);
    await settle();
    expect(result.current.data?.url).toBe('https://storage.test/f?v=2');

    await advance(LIFETIME - 6_000 - 10);
    await settle();
    expect(result.current.data?.url).toBe('https://storage.test/f?v=3');
  });

  it('never returns a URL past its expiry, even when the refresh has not come back', async () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFileUrl('file_1'), { backend });
    (await backend.next('downloadUrl')).resolve({
      url: 'https://storage.test/old',
      expiresAt: new Date(T0 + LIFETIME).toISOString(),
    });
    await advance(0);
    expect(result.current.data?.url).toBe('https://storage.test/old');

    await advance(LIFETIME - 6_000);
    const refresh = await backend.next('downloadUrl');
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
    queryClient.setQueryData(filesQueryKeys.scoped(backend.scope).url('file_2'), dead);
    const { result } = renderHookWithProviders(() => useFileUrl('file_2'), {
      backend,
      queryClient,
    });
    expect(result.current.data).toBeUndefined();
    const fresh = await backend.next('downloadUrl');
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
    expect(backend.count('downloadUrl')).toBe(0);
    expect(result.current.fetchStatus).toBe('idle');
  });
});

describe('useFileUrl on a client that hands out bytes', () => {
  const made: { url: string; blob: Blob }[] = [];
  const revoked: string[] = [];
  beforeEach(() => {
    made.length = 0;
    revoked.length = 0;
    // jsdom has no object URLs: count them instead.
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${made.length + 1}`;
      made.push({ url, blob });
      return url;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
  });

  it('fetches the content through the client and hands out an object URL, revoked on unmount', async () => {
    const content = new Blob(['the bytes']);
    const backend = new FakeBackend({ capabilities: { download: 'bytes' } }).answer(
      'download',
      () => content,
    );
    const { result, unmount } = renderHookWithProviders(() => useFileUrl('file_1'), { backend });
    await waitFor(() => expect(result.current.data?.url).toMatch(/^blob:test\//));
    expect(made.at(-1)?.blob).toBe(content);
    expect(result.current.data?.expiresAt).toBeUndefined();
    expect(backend.count('download')).toBe(1);
    const { url } = result.current.data!;
    unmount();
    expect(revoked).toContain(url);
  });

  it('fetches nothing without an id', () => {
    const backend = new FakeBackend({ capabilities: { download: 'bytes' } });
    const { result } = renderHookWithProviders(() => useFileUrl(undefined), { backend });
    expect(result.current.fetchStatus).toBe('idle');
    expect(backend.calls).toEqual([]);
  });
});
