/**
 * Streams a PUT body to a temporary file while computing its MD5, reading no further than the
 * declared size. Applies the PUT faults: a dropped connection after N bytes and a read throttle.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import type { FaultSpec } from '../faults.js';
import { waitUnlessClosed } from '../http.js';

export type StreamOutcome =
  | { kind: 'ok'; bytes: number; md5: string }
  | { kind: 'size'; message: string }
  | { kind: 'dropped' }
  | { kind: 'aborted' };

/** Splits chunks so a throttle paces smoothly instead of in 64 KiB bursts. */
function* slices(chunk: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
}

/** Waits for backpressure to clear (or the write to fail; that error is reported at the end). */
function drained(out: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('error', done);
  });
}

export async function streamBody(
  req: IncomingMessage,
  path: string,
  sizeBytes: number,
  fault?: FaultSpec,
): Promise<StreamOutcome> {
  const hash = createHash('md5');
  const out = createWriteStream(path, { flags: 'wx' });
  let writeError: unknown;
  out.on('error', (error) => (writeError = error));
  let received = 0;
  const rate = fault?.throttleBytesPerSecond;
  const dropAt = fault?.dropAfterBytes;
  const started = Date.now();
  let outcome: StreamOutcome | undefined;
  try {
    // destroyOnReturn: false keeps the socket open after an early stop, so a 400 can still be sent.
    loop: for await (const chunk of req.iterator({ destroyOnReturn: false })) {
      for (const piece of slices(
        chunk as Buffer,
        rate ? Math.max(1, Math.floor(rate / 20)) : (chunk as Buffer).length,
      )) {
        if (dropAt !== undefined && received + piece.length >= dropAt) {
          req.socket.destroy();
          outcome = { kind: 'dropped' };
          break loop;
        }
        if (received + piece.length > sizeBytes) {
          outcome = { kind: 'size', message: `The body is longer than sizeBytes ${sizeBytes}.` };
          break loop;
        }
        if (rate) {
          // Wall-clock pacing on purpose: a throttle is about real transfer speed.
          const due = started + ((received + piece.length) / rate) * 1000;
          if (due > Date.now() && !(await waitUnlessClosed(req, due - Date.now()))) {
            outcome = { kind: 'aborted' };
            break loop;
          }
        }
        hash.update(piece);
        received += piece.length;
        if (!out.write(piece)) await drained(out);
      }
    }
  } catch {
    outcome = { kind: 'aborted' };
  }
  out.end();
  await finished(out).catch((error: unknown) => (writeError ??= error));
  if (outcome) return outcome;
  if (!req.complete) return { kind: 'aborted' };
  if (writeError) throw writeError;
  if (received !== sizeBytes)
    return { kind: 'size', message: `Received ${received} bytes; sizeBytes is ${sizeBytes}.` };
  return { kind: 'ok', bytes: received, md5: hash.digest('hex') };
}
