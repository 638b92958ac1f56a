/**
 * The upload body sent upstream, computed chunk by chunk as the browser's body arrives: a fresh
 * boundary, the checked fields, a file part with only the headers the proxy wrote, then the
 * file's bytes. The file must be the last part; its size is counted as it passes and the scan
 * fails as soon as it passes the cap, so upstream never receives a complete oversized file.
 *
 * Synchronous and push-driven, with no stream of its own: a transport that reads the browser's
 * bytes itself (node:http) runs it as a pass-through between two sockets, and upstreamUpload
 * (multipart-body.ts) wraps it in a ReadableStream for fetch.
 */
import { concat, encoder, indexOf, straddles } from './bytes.js';
import { type Refusal, refuse } from './errors.js';
import type { MultipartHead } from './multipart-head.js';

/** Epilogue bytes tolerated after the closing boundary (browsers send none or a CRLF). */
const MAX_EPILOGUE = 1024;

export type Send = (bytes: Uint8Array) => void;

export interface FileScan {
  /** The boundary of the body it sends. */
  readonly boundary: string;
  /**
   * The length of the body it sends when the browser's is `bodyBytes` long (its Content-Length),
   * or undefined when that is too short to hold the parts already read and a closing boundary.
   */
  length(bodyBytes: number): number | undefined;
  /** Sends the proxy's own leading parts and what the head already read of the file. */
  start(send: Send): boolean;
  /** Takes the next chunk of the browser's body; false once the upload failed. */
  push(chunk: Uint8Array, send: Send): boolean;
  /** The browser's body ended: sends the closing boundary; false when the upload failed. */
  end(send: Send): boolean;
  /** Why the upload was cut, when it was (too large, a part after the file, truncated). */
  failure(): Refusal | undefined;
  /** File bytes passed on so far. */
  fileBytes(): number;
}

function randomBoundary(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return `filedock-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const invalid = (why: string): Refusal =>
  refuse(400, 'invalid_multipart', `Invalid upload: ${why}.`);

export function fileScan(head: MultipartHead, maxFileBytes: number): FileScan {
  const boundary = randomBoundary();
  const delimiter = encoder.encode(`\r\n--${head.boundary}`);
  const after = delimiter.byteLength + 2;
  /** Bytes not yet sent: a whole chunk held back until the next shows no delimiter straddles them. */
  let buf = head.rest;
  /** The delimiter was found in `buf` but the two bytes after it have not arrived yet. */
  let short = false;
  let finished = false;
  let epilogue = 0;
  let sent = 0;
  let failure: Refusal | undefined;

  const fail = (refusal: Refusal): false => {
    failure ??= refusal;
    buf = new Uint8Array();
    return false;
  };
  const emit = (bytes: Uint8Array, send: Send): boolean => {
    sent += bytes.byteLength;
    if (sent > maxFileBytes)
      return fail(refuse(413, 'body_too_large', `The file is larger than ${maxFileBytes} bytes.`));
    if (bytes.byteLength > 0) send(bytes);
    return true;
  };
  /** Looks for the delimiter in `buf`; sends the file's last bytes when it is there. */
  const settle = (send: Send): boolean => {
    const at = indexOf(buf, delimiter);
    if (at === -1) return true;
    if (buf.byteLength < at + after) {
      short = true;
      return true;
    }
    if (buf[at + delimiter.byteLength] !== 0x2d || buf[at + delimiter.byteLength + 1] !== 0x2d)
      return fail(invalid('the file must be the last part'));
    if (!emit(buf.subarray(0, at), send)) return false;
    finished = true;
    epilogue = buf.byteLength - at - after;
    buf = new Uint8Array();
    return epilogue <= MAX_EPILOGUE || fail(invalid('data after the end'));
  };

  const parts = Object.entries(head.fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  // The filename was checked: no quotes, backslashes, semicolons or control characters.
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${head.filename}"\r\nContent-Type: ${head.fileType}\r\n\r\n`,
  );
  const intro = encoder.encode(parts.join(''));
  const closing = `\r\n--${boundary}--`;

  return {
    boundary,
    length(bodyBytes) {
      // The file and the epilogue take the same bytes in both bodies; the rest is swapped.
      const fileAndEpilogue = bodyBytes - head.fileStart - after;
      return fileAndEpilogue < 0 ? undefined : intro.byteLength + fileAndEpilogue + closing.length;
    },
    start(send) {
      send(intro);
      return settle(send);
    },
    push(chunk, send) {
      if (failure) return false;
      if (finished) {
        epilogue += chunk.byteLength;
        return epilogue <= MAX_EPILOGUE || fail(invalid('data after the end'));
      }
      if (short) {
        short = false;
        buf = concat(buf, chunk);
        return settle(send);
      }
      // No delimiter in `buf`; one may still start in its last bytes and end in this chunk.
      // When none straddles the two, `buf` goes on whole (the chunk as it came, not copied or
      // split); when one does, or the chunk is too small to tell, all but the tail goes on and
      // the tail is joined to the chunk.
      if (chunk.byteLength >= after && !straddles(buf, chunk, delimiter)) {
        const whole = buf;
        buf = chunk;
        if (!emit(whole, send)) return false;
      } else {
        const keep = Math.min(buf.byteLength, delimiter.byteLength - 1);
        const ready = buf.subarray(0, buf.byteLength - keep);
        buf = concat(buf.subarray(buf.byteLength - keep), chunk);
        if (!emit(ready, send)) return false;
      }
      return settle(send);
    },
    end(send) {
      if (failure) return false;
      if (!finished) return fail(invalid('the body ends early'));
      // As many bytes after the closing boundary as the browser sent (a CRLF, then padding), so
      // that the body's length is known from the browser's before its end arrives.
      const tail = epilogue < 2 ? ' '.repeat(epilogue) : `\r\n${' '.repeat(epilogue - 2)}`;
      send(encoder.encode(closing + tail));
      return true;
    },
    failure: () => failure,
    fileBytes: () => sent,
  };
}
