/**
 * A Content-Disposition that is safe for any stored filename (RFC 6266 + RFC 5987): an ASCII
 * fallback in `filename="…"` with quotes, backslashes, CR/LF and other controls replaced, and the
 * exact name percent-encoded in `filename*=UTF-8''…`. Header injection is impossible because no
 * raw control character or quote survives into the header.
 */
import { stripControlChars } from './text.js';

export function asciiFallback(name: string): string {
  const cleaned = stripControlChars(name)
    .replace(/["\\]/g, '_')
    .replace(/[^\u0020-\u007e]/g, '_')
    .trim();
  return cleaned === '' ? 'download' : cleaned;
}

/** RFC 5987 attr-char encoding: encodeURIComponent leaves `'()*` alone, which attr-char forbids. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(
  filename: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const exact = stripControlChars(filename);
  return `${type}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeRfc5987(exact === '' ? 'download' : exact)}`;
}
