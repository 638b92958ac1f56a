import { describe, expect, it } from 'vitest';
import { headerGetter, parseRetryAfter } from '../../../src/core/http/retry-after.js';

const from = (headers: Record<string, string>) => headerGetter(headers);
const NOW = Date.parse('2026-04-08T12:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads Retry-After in seconds', () => {
    expect(parseRetryAfter(from({ 'Retry-After': '3' }), NOW)).toBe(3000);
    expect(parseRetryAfter(from({ 'retry-after': '0' }), NOW)).toBe(0);
    expect(parseRetryAfter(from({ 'retry-after': '1.5' }), NOW)).toBe(1500);
  });

  it('reads Retry-After as an HTTP-date relative to now', () => {
    expect(parseRetryAfter(from({ 'retry-after': 'Wed, 08 Apr 2026 12:00:07 GMT' }), NOW)).toBe(
      7000,
    );
  });

  it('treats a date in the past as no wait at all', () => {
    expect(parseRetryAfter(from({ 'retry-after': 'Wed, 08 Apr 2026 11:59:00 GMT' }), NOW)).toBe(0);
  });

  it('prefers Retry-After-Ms over Retry-After', () => {
    expect(parseRetryAfter(from({ 'retry-after': '5', 'retry-after-ms': '250' }), NOW)).toBe(250);
  });

  it('falls back to Retry-After when Retry-After-Ms is garbage', () => {
    expect(parseRetryAfter(from({ 'retry-after': '2', 'retry-after-ms': 'soon' }), NOW)).toBe(2000);
  });

  it.each(['', 'soon', '-1', '12abc', '1e3', 'NaN'])(
    'ignores the unparseable value %j',
    (value) => {
      expect(parseRetryAfter(from({ 'retry-after': value }), NOW)).toBeUndefined();
    },
  );

  it('is undefined without either header', () => {
    expect(parseRetryAfter(from({ 'content-type': 'application/json' }), NOW)).toBeUndefined();
  });
});

describe('headerGetter', () => {
  it('looks names up case-insensitively in plain objects', () => {
    expect(headerGetter({ 'X-Thing': 'a' })('x-thing')).toBe('a');
  });

  it('uses get() when the headers object has one (AxiosHeaders)', () => {
    const headers = { get: (name: string) => (name === 'retry-after' ? '4' : undefined) };
    expect(headerGetter(headers)('retry-after')).toBe('4');
  });

  it('copes with no headers at all', () => {
    expect(headerGetter(undefined)('retry-after')).toBeUndefined();
  });
});
