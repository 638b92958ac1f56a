/**
 * An IncomingMessage's body as a pull-based ReadableStream: the socket is paused while a chunk
 * waits unread (backpressure), so memory stays bounded whatever the body's size. Chunks are
 * handed on as they came, uncopied. Once cancelled, what still arrives is discarded: enqueueing
 * into a cancelled stream throws, and in a socket's event handler that would be an uncaught
 * exception.
 *
 * `takeBody` hands the request itself to a reader that can do better than the stream (the
 * node:http transport pipes an upload's remaining bytes from socket to socket): the chunk that
 * arrived unread waits here, not in the stream's queue, so it can be handed over with it.
 */
import type { IncomingMessage } from 'node:http';

export interface TakenBody {
  req: IncomingMessage;
  /** Arrived, not yet read through the stream; comes before what `req` still emits. */
  pending: Buffer[];
  /** Whether `req` has already ended. */
  ended: boolean;
}

const takers = new WeakMap<ReadableStream<Uint8Array>, () => TakenBody | undefined>();

/**
 * The request behind `stream` (made by bodyStream), which then gets nothing more; undefined when
 * the stream is not one, was taken already, or failed or was cancelled.
 */
export function takeBody(stream: ReadableStream<Uint8Array>): TakenBody | undefined {
  const take = takers.get(stream);
  takers.delete(stream);
  return take?.();
}

const view = (chunk: Buffer): Uint8Array =>
  new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  let ended = false;
  const pending: Buffer[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  /** A read waits for the next chunk. */
  let wanted = false;
  const onData = (chunk: Buffer): void => {
    if (!open) return;
    if (wanted) {
      wanted = false;
      controller.enqueue(view(chunk));
    } else {
      pending.push(chunk);
      req.pause();
    }
  };
  const onEnd = (): void => {
    ended = true;
    if (open && pending.length === 0) controller.close();
  };
  const onError = (error: Error): void => {
    if (!open) return;
    open = false;
    controller.error(error);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.pause();
        req.on('data', onData);
        req.once('end', onEnd);
        req.once('error', onError);
      },
      pull(c) {
        const chunk = pending.shift();
        if (chunk) {
          c.enqueue(view(chunk));
          if (ended && pending.length === 0) c.close();
          // The next chunk may come while this one is read: one waits here at most.
          else if (pending.length === 0) req.resume();
          return;
        }
        wanted = true;
        req.resume();
      },
      cancel() {
        open = false;
        pending.length = 0;
        req.resume(); // drain and discard what is left, so the answer can still be written
      },
    },
    { highWaterMark: 0 },
  );
  takers.set(stream, () => {
    if (!open || wanted) return undefined;
    open = false;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onError);
    return { req, pending: pending.splice(0), ended };
  });
  return stream;
}
