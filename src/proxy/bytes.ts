/** Byte helpers for the multipart reader (fetch-standard: Uint8Array, no Buffer). */
export const encoder = new TextEncoder();

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** Horspool's shift per byte value: how far the window may move when that byte ends it. */
const shifts = new WeakMap<Uint8Array, Uint8Array | Uint16Array>();

function shiftsOf(needle: Uint8Array): Uint8Array | Uint16Array {
  let table = shifts.get(needle);
  if (!table) {
    const last = needle.byteLength - 1;
    table = last < 256 ? new Uint8Array(256) : new Uint16Array(256);
    table.fill(Math.min(needle.byteLength, table instanceof Uint8Array ? 255 : 65_535));
    for (let i = 0; i < last; i++) table[needle[i] ?? 0] = last - i;
    shifts.set(needle, table);
  }
  return table;
}

/**
 * First index of `needle` in `hay` at or after `from`, or -1.
 *
 * Horspool's search: the window's last byte decides how far it moves, so on a file's bytes it
 * moves by about the needle's length (a multipart delimiter is ~40 bytes) instead of visiting every
 * occurrence of its first byte. A window whose last byte fits is compared from the front; for a
 * delimiter (`\r\n--boundary`, whose `\r` occurs nowhere else in it) that keeps the work linear
 * whatever the body and boundary are: a partial match from one `\r` ends before the next one.
 */
export function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const length = needle.byteLength;
  if (length === 0) return from;
  if (length === 1) return hay.indexOf(needle[0] ?? 0, from);
  const table = shiftsOf(needle);
  const last = length - 1;
  const tail = needle[last];
  const end = hay.byteLength - length;
  for (let i = from; i <= end; ) {
    const byte = hay[i + last] ?? 0;
    if (byte === tail) {
      let j = 0;
      while (j < last && hay[i + j] === needle[j]) j++;
      if (j === last) return i;
    }
    i += table[byte] ?? 1;
  }
  return -1;
}

/**
 * Whether `needle` starts in the last `needle.byteLength - 1` bytes of `before` and ends in
 * `after`: a match split across two chunks, found without joining them.
 */
export function straddles(before: Uint8Array, after: Uint8Array, needle: Uint8Array): boolean {
  const length = needle.byteLength;
  const end = before.byteLength;
  const first = needle[0];
  // Only a start on the needle's first byte is compared further: on a file's bytes that is one
  // comparison per position, which keeps this check cheap beside every chunk of an upload.
  for (let at = Math.max(0, end - length + 1); at < end; at++) {
    if (before[at] !== first) continue;
    const k = end - at;
    if (length - k > after.byteLength) continue;
    let j = 1;
    while (j < k && before[at + j] === needle[j]) j++;
    if (j < k) continue;
    while (j < length && after[j - k] === needle[j]) j++;
    if (j === length) return true;
  }
  return false;
}

/** Strict UTF-8 decoding; undefined when the bytes are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
