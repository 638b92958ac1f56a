/** Deterministic test payloads and their MD5, so the server's bytes can be checked against the source. */
import { createHash } from 'node:crypto';

export interface Payload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Readable UTF-8 text of exactly `size` bytes (passes text sniffing), varied by `seed`. */
export function textPayload(name: string, mimeType: string, size: number, seed = 1): Payload {
  const line = `line ${seed}: the quick brown fox jumps over the lazy dog ${'0123456789'.repeat(3)}\n`;
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) buffer[i] = line.charCodeAt((i + seed) % line.length);
  return { name, mimeType, buffer };
}

/** Pseudo-random bytes (xorshift), `size` long; binary, so only purposes without a type list take it. */
export function binaryPayload(name: string, mimeType: string, size: number, seed = 7): Payload {
  const buffer = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer[i] = x & 0xff;
  }
  return { name, mimeType, buffer };
}

/** A minimal file that starts with the PDF signature, so sniffing agrees with its extension. */
export function pdfPayload(name: string, size: number): Payload {
  const head = Buffer.from('%PDF-1.7\n% e2e\n');
  const body = textPayload(name, 'application/pdf', size - head.length).buffer;
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([head, body]) };
}

export function md5(buffer: Buffer | Uint8Array): string {
  return createHash('md5').update(buffer).digest('hex');
}
