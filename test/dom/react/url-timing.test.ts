import { describe, expect, it } from 'vitest';
import { isUrlExpired, urlRefreshAt } from '../../../src/react/url-timing.js';

const at = (ms: number) => new Date(ms).toISOString();

describe('url timing', () => {
  it('refreshes 30 s before expiry for long-lived URLs', () => {
    expect(urlRefreshAt(at(900_000), 0)).toBe(870_000);
  });

  it('refreshes 10% of the lifetime early for short-lived URLs', () => {
    expect(urlRefreshAt(at(12_000), 10_000)).toBe(11_800);
  });

  it('has no refresh time when expiresAt does not parse', () => {
    expect(urlRefreshAt('soon', 0)).toBeUndefined();
  });

  it('calls a URL expired from its expiry instant on, and never one whose expiry is unknown', () => {
    expect(isUrlExpired(at(1_000), 999)).toBe(false);
    expect(isUrlExpired(at(1_000), 1_000)).toBe(true);
    expect(isUrlExpired('soon', Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
