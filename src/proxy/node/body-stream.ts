/**
 * An IncomingMessage's body as a pull-based ReadableStream: the socket is paused while a chunk
 * waits unread (backpressure), so memory stays bounded whatever the body's size. Chunks are
 * handed on as they came, uncopied. Once cancelled, what still arrives is discarded: enqueueing
 * into a cancelled stream throws, and in a socket's event handler that would be an uncaught
 * exception.
 */
import type { IncomingMessage } from 'node:http';

export function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (open) controller.close();
      });
      req.once('error', (error) => {
        if (!open) return;
        open = false;
        controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume(); // drain and discard what is left, so the answer can still be written
    },
  });
}
