/**
 * The file scan: whatever the chunking of the browser's body (a delimiter split anywhere, one-byte
 * chunks), upstream receives the proxy's own parts and the file's bytes exactly; a part after the
 * file, a long epilogue, a truncated body and a file over the cap fail it.
 */
import { describe, expect, it } from 'vitest';
import { fileScan } from '../../../src/proxy/file-scan.js';
import type { MultipartHead } from '../../../src/proxy/multipart-head.js';

const BOUNDARY = 'scanboundary42';
const encode = (text: string) => new TextEncoder().encode(text);
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** A head as readMultipartHead leaves it; the reader is never used by the scan itself. */
function headWith(rest: Uint8Array): MultipartHead {
  const source = new ReadableStream<Uint8Array>();
  return {
    boundary: BOUNDARY,
    fields: { purpose: 'user_data' },
    filename: 'a.bin',
    fileType: 'application/octet-stream',
    rest,
    fileStart: 100,
    reader: source.getReader(),
    source,
  };
}

/** File bytes where `\r\n--` occurs often, so near-misses of the delimiter are common. */
function file(size: number): Uint8Array {
  const out = new Uint8Array(size);
  const noise = encode(`\r\n--${BOUNDARY.slice(0, 5)}x\r\n-`);
  for (let i = 0; i < size; i++) out[i] = noise[(i * 7 + (i >> 3)) % noise.byteLength] ?? 0;
  return out;
}

function join(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Runs the scan over `body` cut into chunks of the given sizes (cycled); what it sent. */
function run(body: Uint8Array, sizes: number[], max = Number.MAX_SAFE_INTEGER, restBytes = 0) {
  const scan = fileScan(headWith(body.subarray(0, restBytes)), max);
  const out: Uint8Array[] = [];
  const send = (bytes: Uint8Array) => void out.push(bytes);
  let ok = scan.start(send);
  for (let at = restBytes, i = 0; ok && at < body.byteLength; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    ok = scan.push(body.subarray(at, at + size), send);
    at += size;
  }
  if (ok) ok = scan.end(send);
  const all = join(out);
  return { ok, scan, sent: latin1(all), bytes: all.byteLength };
}

describe('fileScan', () => {
  const data = file(5000);
  const body = join([data, encode(`\r\n--${BOUNDARY}--\r\n`)]);

  it('sends the file exactly, however the body is cut', () => {
    for (const sizes of [[1], [2, 3], [17], [45, 1, 2], [4096], [10_000]])
      for (const restBytes of [0, 1, 30, 4999]) {
        const { ok, scan, sent } = run(body, sizes, undefined, restBytes);
        expect(ok).toBe(true);
        const b = scan.boundary;
        expect(sent).toBe(
          `--${b}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n` +
            `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n` +
            `${latin1(data)}\r\n--${b}--\r\n`,
        );
        expect(scan.fileBytes()).toBe(data.byteLength);
      }
  });

  it('sends as many bytes as its length says, whatever the epilogue', () => {
    for (const epilogue of ['', ' ', '\r\n', '\r\nabc', `\r\n${'x'.repeat(1000)}`]) {
      const withEpilogue = join([data, encode(`\r\n--${BOUNDARY}--${epilogue}`)]);
      const { ok, scan, sent, bytes } = run(withEpilogue, [333]);
      expect(ok).toBe(true);
      // The browser's body is the 100 bytes before the file (fileStart) and this.
      expect(bytes).toBe(scan.length(100 + withEpilogue.byteLength));
      expect(sent).toContain(`${latin1(data)}\r\n--${scan.boundary}--`);
    }
    expect(fileScan(headWith(new Uint8Array()), 1).length(100 + 5)).toBeUndefined();
  });

  it('refuses a part after the file', () => {
    const more = join([data, encode(`\r\n--${BOUNDARY}\r\nContent-Disposition: x\r\n\r\n`)]);
    for (const sizes of [[1], [64], [10_000]]) {
      const { ok, scan } = run(more, sizes);
      expect(ok).toBe(false);
      expect(scan.failure()?.message).toMatch(/last part/);
    }
  });

  it('accepts a short epilogue and refuses a long one', () => {
    const short = join([body, new Uint8Array(1000)]);
    expect(run(short, [100]).ok).toBe(true);
    const long = join([body, new Uint8Array(1100)]);
    for (const sizes of [[100], [10_000]]) {
      const { ok, scan } = run(long, sizes);
      expect(ok).toBe(false);
      expect(scan.failure()?.message).toMatch(/after the end/);
    }
  });

  it('refuses a body that ends before its closing boundary', () => {
    const cut = body.subarray(0, body.byteLength - 5);
    for (const sizes of [[1], [10_000]]) {
      const { ok, scan } = run(cut, sizes);
      expect(ok).toBe(false);
      expect(scan.failure()?.message).toMatch(/ends early/);
    }
  });

  it('fails once the file passes the cap, before its end is sent', () => {
    for (const sizes of [[7], [10_000]]) {
      const { ok, scan, sent } = run(body, sizes, 4999);
      expect(ok).toBe(false);
      expect(scan.failure()?.status).toBe(413);
      expect(sent).not.toContain(`--${scan.boundary}--`);
    }
    expect(run(body, [7], 5000).ok).toBe(true);
  });
});
