/**
 * The upload body sent upstream as a ReadableStream, for fetch: the file scan (file-scan.ts) fed
 * from the browser's body as upstream pulls it (one chunk in flight: memory stays flat whatever
 * the size). `source` and `scan` let a transport that reads the browser's bytes itself run the
 * same scan without this stream.
 */
import type { Refusal } from './errors.js';
import { type FileScan, fileScan } from './file-scan.js';
import type { MultipartHead } from './multipart-head.js';

export interface UpstreamUpload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** The browser's body, from which the head was read and the file's bytes still come. */
  source: ReadableStream<Uint8Array>;
  scan: FileScan;
  /** Why the upload was cut, when it was (too large, a part after the file, truncated). */
  failure(): Refusal | undefined;
  /** File bytes passed on so far. */
  fileBytes(): number;
}

export function upstreamUpload(head: MultipartHead, maxFileBytes: number): UpstreamUpload {
  const scan = fileScan(head, maxFileBytes);
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let sent = 0;
        const send = (bytes: Uint8Array): void => {
          sent += 1;
          controller.enqueue(bytes);
        };
        const fail = (): void => {
          head.reader.cancel().catch(() => undefined);
          controller.error(new Error(scan.failure()?.message));
        };
        if (!started) {
          started = true;
          if (!scan.start(send)) fail();
          return;
        }
        // pull must enqueue (or end the stream) before it returns, or a waiting reader is
        // never served: read until the scan sends something.
        while (sent === 0) {
          const { done, value } = await head.reader.read();
          if (done) {
            if (scan.end(send)) controller.close();
            else fail();
            return;
          }
          if (!scan.push(value, send)) return fail();
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
    contentType: `multipart/form-data; boundary=${scan.boundary}`,
    source: head.source,
    scan,
    failure: scan.failure,
    fileBytes: scan.fileBytes,
  };
}
