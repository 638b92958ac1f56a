/** Byte helpers for the multipart reader (fetch-standard: Uint8Array, no Buffer). */
export const encoder = new TextEncoder();

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** First index of `needle` in `hay` at or after `from`, or -1. Uses the native indexOf for its first byte. */
export function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return from;
  let i = hay.indexOf(first, from);
  while (i !== -1 && i + needle.byteLength <= hay.byteLength) {
    let j = 1;
    while (j < needle.byteLength && hay[i + j] === needle[j]) j++;
    if (j === needle.byteLength) return i;
    i = hay.indexOf(first, i + 1);
  }
  return -1;
}

/** Strict UTF-8 decoding; undefined when the bytes are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
