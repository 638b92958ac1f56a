/**
 * The Node request body as a ReadableStream: bytes arrive intact and in order; what arrived while
 * the reader was busy comes as one chunk, never more than MAX_JOINED; the request is paused once
 * that much waits; a cancelled stream discards what still arrives without throwing.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bodyStream, MAX_JOINED } from '../../../src/proxy/node/body-stream.js';

const asRequest = (stream: PassThrough) => stream as unknown as IncomingMessage;
const bytes = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
}

describe('bodyStream', () => {
  it('joins what queued up while nobody read, in order, at most MAX_JOINED per chunk', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const parts = Array.from({ length: 40 }, (_, i) => bytes(64 * 1024, i));
    for (const part of parts) source.write(part);
    source.end();
    const chunks = await readAll(stream);
    // Compared as bytes (a deep equality over 2.5 MiB would take the test's whole time budget).
    expect(Buffer.concat(chunks).equals(Buffer.concat(parts))).toBe(true);
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(MAX_JOINED);
    expect(chunks.length).toBeLessThan(parts.length);
  });

  it('pauses the request once MAX_JOINED bytes wait unread', async () => {
    const source = new PassThrough({ highWaterMark: 64 * 1024 });
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const first = await Promise.all([reader.read(), source.write(bytes(10, 1))]);
    expect(first[0].value?.byteLength).toBe(10);
    // Nobody reads now: the request flows until MAX_JOINED bytes wait, then is paused.
    const paused = new Promise<void>((resolve) => source.once('pause', () => resolve()));
    let written = 0;
    while (!source.isPaused()) {
      source.write(bytes(64 * 1024, 2));
      written += 64 * 1024;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await paused;
    expect(written).toBeGreaterThanOrEqual(MAX_JOINED);
    expect(written).toBeLessThan(MAX_JOINED + 256 * 1024);
    const next = await reader.read();
    expect(next.value?.byteLength).toBeGreaterThanOrEqual(MAX_JOINED);
    expect(source.isPaused()).toBe(false);
    await reader.cancel();
  });

  it('hands over what queued up before the request ended, then closes', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const first = reader.read();
    source.write(bytes(10, 3));
    expect((await first).value?.byteLength).toBe(10);
    // Nobody reads while the rest arrives and the request ends.
    const ended = new Promise<void>((resolve) => source.once('end', () => resolve()));
    source.write(bytes(100, 4));
    source.end(bytes(100, 5));
    await ended;
    const rest = await reader.read();
    expect(
      Buffer.from(rest.value ?? []).equals(Buffer.concat([bytes(100, 4), bytes(100, 5)])),
    ).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });

  it('discards what arrives after a cancel, without throwing', async () => {
    const source = new PassThrough();
    const stream = bodyStream(asRequest(source));
    const reader = stream.getReader();
    const read = reader.read();
    source.write(bytes(10, 4));
    await read;
    await reader.cancel();
    source.write(bytes(10, 5));
    source.end(bytes(10, 6));
    await new Promise<void>((resolve) => source.once('end', () => resolve()));
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
