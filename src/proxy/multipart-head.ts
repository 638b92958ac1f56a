/**
 * Parsing of a multipart/form-data request up to the start of its `file` part: the boundary,
 * each leading field, and the file part's headers. Small, strict and bounded — only what browsers
 * and fetch's FormData produce is accepted — so the file itself is never buffered.
 */
import { encoder, indexOf, utf8 } from './bytes.js';
import { type Refusal, refuse } from './errors.js';
import { filename as checkFilename, mimeType as checkMimeType } from './services/checks.js';
import type { MultipartSpec } from './services/types.js';

/** Everything before the file's first byte may take at most this much. */
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 4096;

export interface MultipartHead {
  boundary: string;
  fields: Record<string, string>;
  filename: string;
  fileType: string;
  /** Bytes already read past the file part's headers (the file's first bytes). */
  rest: Uint8Array;
  /** How many bytes of the body come before the file's first byte. */
  fileStart: number;
  reader: ReadableStreamDefaultReader<Uint8Array>;
  /** The body `reader` reads. */
  source: ReadableStream<Uint8Array>;
}

const bad = (why: string): Refusal => refuse(400, 'invalid_multipart', `Invalid upload: ${why}.`);

/** The boundary of a `multipart/form-data` content type, or undefined. */
export function boundaryOf(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  const [essence, ...params] = contentType.split(';');
  if (essence?.trim().toLowerCase() !== 'multipart/form-data') return undefined;
  for (const param of params) {
    const m = /^\s*boundary=(?:"([^"]{1,70})"|([^\s";]{1,70}))\s*$/i.exec(param);
    const value = m?.[1] ?? m?.[2];
    if (value && /^[A-Za-z0-9'()+_,\-./:=? ]{0,69}[A-Za-z0-9'()+_,\-./:=?]$/.test(value))
      return value;
  }
  return undefined;
}

interface PartHeaders {
  name: string;
  filename?: string;
  contentType?: string;
}

function parsePartHeaders(block: string): PartHeaders | Refusal {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) return bad('malformed part header');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition' && disposition === undefined) disposition = value;
    else if (name === 'content-type' && contentType === undefined) contentType = value;
    else return bad(`part header ${name} is not accepted`);
  }
  if (!disposition) return bad('a part has no Content-Disposition');
  const [kind, ...rest] = disposition.split(';');
  if (kind?.trim().toLowerCase() !== 'form-data') return bad('a part is not form-data');
  const params: Record<string, string> = {};
  for (const raw of rest) {
    const m =
      /^\s*([A-Za-z*]+)="([^"]*)"\s*$/.exec(raw) ?? /^\s*([A-Za-z*]+)=([^\s"]+)\s*$/.exec(raw);
    if (!m) return bad('malformed Content-Disposition');
    const key = (m[1] ?? '').toLowerCase();
    if (key !== 'name' && key !== 'filename')
      return bad(`Content-Disposition ${key} is not accepted`);
    if (params[key] !== undefined) return bad(`Content-Disposition repeats ${key}`);
    params[key] = m[2] ?? '';
  }
  if (params.name === undefined) return bad('a part has no name');
  return {
    name: params.name,
    ...(params.filename === undefined ? {} : { filename: params.filename }),
    ...(contentType === undefined ? {} : { contentType }),
  };
}

/** Reads until the file part's headers end; refuses anything unexpected on the way. */
export async function readMultipartHead(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  spec: MultipartSpec,
): Promise<MultipartHead | Refusal> {
  const reader = body.getReader();
  const fail = async (refusal: Refusal): Promise<Refusal> => {
    await reader.cancel().catch(() => undefined);
    return refusal;
  };
  let buf: Uint8Array = new Uint8Array();
  /**
   * Reads until `n` bytes are buffered or the body ends; true when they are. Chunks are joined
   * once per call, not once per chunk: a body trickled in one-byte chunks must not cost a copy
   * of the whole buffer per byte.
   */
  const need = async (n: number): Promise<boolean> => {
    const chunks = [buf];
    let size = buf.byteLength;
    let ended = false;
    while (size < n) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
    if (chunks.length > 1) {
      const joined = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        joined.set(chunk, at);
        at += chunk.byteLength;
      }
      buf = joined;
    }
    return !ended || size >= n;
  };
  /** Index of `needle` in the buffer, reading more as needed, within `limit` bytes. */
  const find = async (needle: Uint8Array, limit: number): Promise<number> => {
    for (;;) {
      const at = indexOf(buf, needle);
      if (at !== -1 && at <= limit) return at;
      if (buf.byteLength > limit + needle.byteLength) return -1;
      const before = buf.byteLength;
      await need(Math.min(before + 4096, limit + needle.byteLength + 1));
      if (buf.byteLength === before) return -1; // the body ended without it
    }
  };
  const opening = encoder.encode(`--${boundary}`);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const blank = encoder.encode('\r\n\r\n');
  if (!(await need(opening.byteLength + 2))) return fail(bad('the body ends early'));
  if (indexOf(buf.subarray(0, opening.byteLength), opening) !== 0)
    return fail(bad('the body does not start with its boundary'));
  buf = buf.subarray(opening.byteLength);
  const fields: Record<string, string> = {};
  let consumed = opening.byteLength;
  for (;;) {
    if (!(await need(2))) return fail(bad('the body ends early'));
    if (buf[0] === 0x2d && buf[1] === 0x2d) return fail(bad('the file part is missing'));
    if (buf[0] !== 0x0d || buf[1] !== 0x0a) return fail(bad('malformed boundary line'));
    buf = buf.subarray(2);
    const end = await find(blank, 8192);
    if (end === -1) return fail(bad('part headers are too long or unterminated'));
    const block = utf8(buf.subarray(0, end));
    if (block === undefined) return fail(bad('part headers are not UTF-8'));
    const headers = parsePartHeaders(block);
    if ('refusal' in headers) return fail(headers);
    buf = buf.subarray(end + blank.byteLength);
    consumed += end + blank.byteLength + 2;
    if (consumed > MAX_HEAD_BYTES) return fail(bad('too many bytes before the file'));
    if (headers.name === 'file') {
      if (headers.filename === undefined) return fail(bad('the file part has no filename'));
      const nameProblem = checkFilename(headers.filename);
      if (nameProblem) return fail(bad(`the filename ${nameProblem}`));
      const fileType = headers.contentType ?? 'application/octet-stream';
      if (checkMimeType(fileType)) return fail(bad('the file part has an invalid Content-Type'));
      for (const [name, rule] of Object.entries(spec.fields)) {
        if (rule.required && fields[name] === undefined)
          return fail(bad(`the ${name} field must come before the file`));
      }
      return {
        boundary,
        fields,
        filename: headers.filename,
        fileType,
        rest: buf,
        fileStart: consumed,
        reader,
        source: body,
      };
    }
    const rule = spec.fields[headers.name];
    if (!rule) return fail(bad(`unknown field ${headers.name}`));
    if (headers.filename !== undefined) return fail(bad(`field ${headers.name} is not a file`));
    if (fields[headers.name] !== undefined) return fail(bad(`field ${headers.name} repeats`));
    const valueEnd = await find(delimiter, MAX_FIELD_BYTES);
    if (valueEnd === -1) return fail(bad(`field ${headers.name} is too long or unterminated`));
    const value = utf8(buf.subarray(0, valueEnd));
    if (value === undefined) return fail(bad(`field ${headers.name} is not UTF-8`));
    const problem = rule.check(value);
    if (problem) return fail(bad(`${headers.name} ${problem}`));
    fields[headers.name] = value;
    buf = buf.subarray(valueEnd + delimiter.byteLength);
    consumed += valueEnd + delimiter.byteLength;
  }
}
