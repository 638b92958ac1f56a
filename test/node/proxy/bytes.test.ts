/**
 * The multipart reader's byte search: Horspool's skip must find exactly what a byte-by-byte
 * search finds (first match, `from` honoured, matches at the ends), and a delimiter split across
 * two chunks must be recognised without joining them.
 */
import { describe, expect, it } from 'vitest';
import { indexOf, straddles } from '../../../src/proxy/bytes.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function naive(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i + needle.byteLength <= hay.byteLength; i++) {
    for (let j = 0; j < needle.byteLength; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return needle.byteLength === 0 ? from : -1;
}

/** Deterministic bytes over a small alphabet, so near-misses and repeats are common. */
function noise(length: number, seed: number, alphabet: Uint8Array): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    out[i] = alphabet[(s >>> 16) % alphabet.byteLength]!;
  }
  return out;
}

describe('proxy bytes: indexOf', () => {
  it('finds what a byte-by-byte search finds, over near-misses of the needle', () => {
    const alphabet = bytes('\r\n-ab');
    for (let seed = 1; seed <= 300; seed++) {
      const hay = noise(200 + (seed % 50), seed, alphabet);
      const needle = noise(1 + (seed % 7), seed * 7, alphabet);
      const from = seed % 13;
      expect(indexOf(hay, needle, from)).toBe(naive(hay, needle, from));
    }
  });

  it('finds a delimiter at the start, the end, after a near-miss, or not at all', () => {
    const delimiter = bytes('\r\n--testboundary123');
    expect(indexOf(bytes('\r\n--testboundary123--'), delimiter)).toBe(0);
    expect(indexOf(bytes('abc\r\n--testboundary123'), delimiter)).toBe(3);
    expect(indexOf(bytes('\r\n--testboundary12\r\n--testboundary123'), delimiter)).toBe(18);
    expect(indexOf(bytes('x\r\n--testboundary12'), delimiter)).toBe(-1);
    expect(indexOf(bytes('\r\n--testboundary123'), delimiter, 1)).toBe(-1);
  });
});

describe('proxy bytes: straddles', () => {
  const delimiter = bytes('\r\n--testboundary123');

  it('sees a delimiter cut at every point between two chunks', () => {
    for (let cut = 1; cut < delimiter.byteLength; cut++) {
      const before = bytes(`file bytes${'\r\n--testboundary123'.slice(0, cut)}`);
      const after = bytes(`${'\r\n--testboundary123'.slice(cut)}--\r\n`);
      expect(straddles(before, after, delimiter)).toBe(true);
    }
  });

  it('is false when the chunks only come close', () => {
    expect(straddles(bytes('abc\r\n--test'), bytes('boundary12x--'), delimiter)).toBe(false);
    expect(straddles(bytes('abc'), bytes('\r\n--testboundary123'), delimiter)).toBe(false);
    expect(straddles(bytes('\r\n--testboundary123'), bytes('xyz'), delimiter)).toBe(false);
    expect(straddles(new Uint8Array(), bytes('\r\n--testboundary123'), delimiter)).toBe(false);
  });
});
