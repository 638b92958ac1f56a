/**
 * The upload body sent upstream, rebuilt rather than copied: a fresh boundary, the checked
 * fields, a file part with only the headers the proxy wrote, then the file's bytes streamed from
 * the browser's body as upstream pulls them (one chunk in flight: memory stays flat whatever the
 * size). The file must be the last part; its size is counted as it streams and the stream fails
 * as soon as it passes the cap, so upstream never receives a complete oversized file.
 */
import { concat, encoder, indexOf, straddles } from './bytes.js';
import { type Refusal, refuse } from './errors.js';
import type { MultipartHead } from './multipart-head.js';

/** Epilogue bytes tolerated after the closing boundary (browsers send none or a CRLF). */
const MAX_EPILOGUE = 1024;

export interface UpstreamUpload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** Why the stream was cut, when it was (too large, a part after the file, truncated). */
  failure(): Refusal | undefined;
  /** File bytes passed on so far. */
  fileBytes(): number;
}

function randomBoundary(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return `filedock-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function upstreamUpload(head: MultipartHead, maxFileBytes: number): UpstreamUpload {
  const boundary = randomBoundary();
  const parts = Object.entries(head.fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  // The filename was checked: no quotes, backslashes, semicolons or control characters.
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${head.filename}"\r\nContent-Type: ${head.fileType}\r\n\r\n`,
  );
  const delimiter = encoder.encode(`\r\n--${head.boundary}`);
  let pending: Uint8Array | undefined = encoder.encode(parts.join(''));
  let buf = head.rest;
  let sent = 0;
  let finished = false;
  let failure: Refusal | undefined;

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, refusal: Refusal) => {
    failure = refusal;
    head.reader.cancel().catch(() => undefined);
    controller.error(new Error(refusal.message));
  };
  const emitFile = (
    controller: ReadableStreamDefaultController<Uint8Array>,
    bytes: Uint8Array,
  ): boolean => {
    sent += bytes.byteLength;
    if (sent > maxFileBytes) {
      fail(
        controller,
        refuse(413, 'body_too_large', `The file is larger than ${maxFileBytes} bytes.`),
      );
      return false;
    }
    if (bytes.byteLength > 0) controller.enqueue(bytes);
    return true;
  };

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        // Loop until one chunk is enqueued or the stream ends: pull must make progress.
        for (;;) {
          if (finished) {
            // After the closing boundary only a short epilogue may follow.
            let epilogue = buf.byteLength;
            for (;;) {
              if (epilogue > MAX_EPILOGUE)
                return fail(
                  controller,
                  refuse(400, 'invalid_multipart', 'Invalid upload: data after the end.'),
                );
              const { done, value } = await head.reader.read();
              if (done) break;
              epilogue += value.byteLength;
            }
            controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          const at = indexOf(buf, delimiter);
          if (at !== -1) {
            if (buf.byteLength < at + delimiter.byteLength + 2) {
              const { done, value } = await head.reader.read();
              if (done)
                return fail(
                  controller,
                  refuse(400, 'invalid_multipart', 'Invalid upload: the body ends early.'),
                );
              buf = concat(buf, value);
              continue;
            }
            if (
              buf[at + delimiter.byteLength] !== 0x2d ||
              buf[at + delimiter.byteLength + 1] !== 0x2d
            )
              return fail(
                controller,
                refuse(400, 'invalid_multipart', 'Invalid upload: the file must be the last part.'),
              );
            if (!emitFile(controller, buf.subarray(0, at))) return;
            buf = buf.subarray(at + delimiter.byteLength + 2);
            finished = true;
            if (at > 0) return;
            continue;
          }
          // No delimiter in `buf`; one may still start in its last bytes and end in the next
          // chunk. Read that chunk first: when no delimiter straddles the two, `buf` goes on
          // whole (the chunk as it came, not copied or split); when one does, or the chunk is
          // too small to tell, all but the tail goes on and the tail is joined to the chunk.
          const { done, value } = await head.reader.read();
          if (done)
            return fail(
              controller,
              refuse(400, 'invalid_multipart', 'Invalid upload: the body ends early.'),
            );
          if (value.byteLength >= delimiter.byteLength + 2 && !straddles(buf, value, delimiter)) {
            const whole = buf;
            buf = value;
            if (!emitFile(controller, whole)) return;
            if (whole.byteLength > 0) return;
            continue;
          }
          const keep = Math.min(buf.byteLength, delimiter.byteLength - 1);
          const ready = buf.subarray(0, buf.byteLength - keep);
          buf = concat(buf.subarray(buf.byteLength - keep), value);
          if (!emitFile(controller, ready)) return;
          // pull must enqueue before it returns, or a waiting reader is never served.
          if (ready.byteLength > 0) return;
        }
      },
      cancel() {
        return head.reader.cancel().catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    failure: () => failure,
    fileBytes: () => sent,
  };
}
