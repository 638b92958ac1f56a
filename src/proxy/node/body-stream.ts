/**
 * An IncomingMessage's body as a pull-based ReadableStream that hands the reader what arrived
 * while it was busy as one chunk. Each chunk costs the readers after it (the multipart reader,
 * fetch's request-body pump, the upstream socket write) several promise hops whatever its size,
 * and a socket delivers at most 64 KiB per read: joining what queued up while upstream was busy
 * (one copy, up to MAX_JOINED bytes) cuts those hops many-fold on a large upload.
 *
 * Backpressure: the request is paused once MAX_JOINED bytes wait, so memory stays bounded
 * whatever the body's size. Once cancelled, what still arrives is discarded: enqueueing into a
 * cancelled stream throws, and in a socket's event handler that would be an uncaught exception.
 */
import type { IncomingMessage } from 'node:http';

/** Bytes joined into one chunk at most (and held while the reader is busy). */
export const MAX_JOINED = 1024 * 1024;

const view = (chunk: Buffer): Uint8Array =>
  new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  let ended = false;
  /** A read is waiting and nothing was queued for it. */
  let wanted = false;
  let queued: Buffer[] = [];
  let size = 0;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const take = (): Uint8Array => {
    const joined = queued.length === 1 ? (queued[0] as Buffer) : Buffer.concat(queued, size);
    queued = [];
    size = 0;
    return view(joined);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (!open) return;
          if (wanted) {
            wanted = false;
            controller.enqueue(view(chunk));
            return;
          }
          queued.push(chunk);
          size += chunk.byteLength;
          if (size >= MAX_JOINED) req.pause();
        });
        req.once('end', () => {
          ended = true;
          if (open && wanted) controller.close();
        });
        req.once('error', (error) => {
          if (!open) return;
          open = false;
          controller.error(error);
        });
      },
      pull() {
        if (size > 0) {
          controller.enqueue(take());
          if (ended) controller.close();
        } else if (ended) {
          controller.close();
          return;
        } else {
          wanted = true;
        }
        // Let the next bytes arrive (and queue up) while the reader handles these.
        req.resume();
      },
      cancel() {
        open = false;
        queued = [];
        size = 0;
        req.resume(); // drain and discard what is left, so the answer can still be written
      },
    },
    { highWaterMark: 0 },
  );
}
