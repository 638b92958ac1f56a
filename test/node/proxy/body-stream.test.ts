/**
 * The Node request body as a ReadableStream: bytes arrive intact and in order, uncopied; the
 * request is paused while a chunk waits unread; a cancelled stream discards what still arrives
 * without throwing; a failed request fails the stream.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bodyStream } from '../../../src/proxy/node/body-stream.js';

const asRequest = (stream: PassThrough) => stream as unknown as IncomingMessage;
const bytes = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
}

describe('bodyStream', () => {
  it('hands on the bytes in order, as views of the chunks that came', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const parts = Array.from({ length: 8 }, (_, i) => bytes(64 * 1024, i));
    for (const part of parts) source.write(part);
    source.end();
    const chunks = await readAll(stream);
    // Compared as bytes (a deep equality over 512 KiB would be slow for nothing).
    expect(Buffer.concat(chunks).equals(Buffer.concat(parts))).toBe(true);
  });

  it('pauses the request while a chunk waits unread, and resumes it on the next read', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const first = reader.read();
    source.write(bytes(10, 1));
    expect((await first).value?.byteLength).toBe(10);
    const paused = new Promise<void>((resolve) => source.once('pause', () => resolve()));
    source.write(bytes(20, 2));
    await paused;
    expect(source.isPaused()).toBe(true);
    expect((await reader.read()).value?.byteLength).toBe(20);
    expect(source.isPaused()).toBe(false);
    await reader.cancel();
  });

  it('discards what arrives after a cancel, without throwing', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const read = reader.read();
    source.write(bytes(10, 4));
    await read;
    await reader.cancel();
    const ended = new Promise<void>((resolve) => source.once('end', () => resolve()));
    source.write(bytes(10, 5));
    source.end(bytes(10, 6));
    await ended;
  });

  it('fails the stream when the request fails', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const read = reader.read();
    source.destroy(new Error('socket reset'));
    await expect(read).rejects.toThrow('socket reset');
  });
});
