import { describe, expect, it } from 'vitest';
import { sha256Base64url, webSha256 } from '../../../src/proxy/sha256.js';

describe('sha256Base64url', () => {
  it('hashes synchronously on Node, to the known SHA-256 of "abc"', () => {
    const digest = sha256Base64url('abc');
    expect(typeof digest).toBe('string');
    expect(digest).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it.each([
    ['empty', ''],
    ['ASCII key', '5:alice\n0b1c2d3e-uuid'],
    ['non-ASCII user id', '6:zoë✓\nkey'],
    ['long key', `3:bob\n${'k'.repeat(255)}`],
  ])('gives what Web Crypto gives (edge runtimes): %s', async (_name, text) => {
    expect(await sha256Base64url(text)).toBe(await webSha256(text));
  });
});
