/**
 * Receives a multipart/form-data upload with busboy: text fields into a map, the one file part
 * streamed to a temporary file. Nothing is buffered whole: caps (the whole body, the file part)
 * are enforced while the bytes arrive, and a refusal stops reading at once. Byte-level faults
 * (a connection dropped after N bytes, a throttle) act on the raw body.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import busboy from 'busboy';
import { ApiError } from './errors.js';
import type { FaultSpec } from './faults.js';
import { header } from './http.js';

export interface MultipartRules {
  /** The text fields the API accepts; any other part is refused. */
  fields: readonly string[];
  /** The name of the file part. */
  fileField: string;
  /** The whole body, boundaries included: Content-Length is checked up front, then the bytes. */
  maxRequestBytes: number;
  /** The file part's cap, decided when it starts (the fields sent before it are known). */
  maxFileBytes(fieldsSoFar: ReadonlyMap<string, string>): number;
  /** Called for a text field arriving after the file part; throws to refuse it (xAI). */
  fieldAfterFile?(name: string): void;
  /** Status of a malformed body or a refused part (400 for xAI, 422 for LlamaCloud). */
  invalidStatus: number;
}

export interface ReceivedFile {
  /** As sent in the part's Content-Disposition (path kept: the API judges it). */
  filename: string;
  mimeType: string;
  size: number;
  md5: string;
  /** The temporary file holding the bytes; the caller renames or removes it. */
  path: string;
}

export type MultipartOutcome =
  | { kind: 'ok'; fields: Map<string, string>; file: ReceivedFile | undefined }
  | { kind: 'dropped' }
  | { kind: 'aborted' };

/** A refused body is read on (and thrown away) up to this much, so the client sees the answer. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;
/** …and for this long at most: a client that stops sending must not hold the server open. */
const DISCARD_LIMIT_MS = 5_000;

function invalid(rules: MultipartRules, message: string, param?: string): ApiError {
  return new ApiError(rules.invalidStatus, 'invalid_multipart', message, param, {
    location: 'body',
  });
}

/** Undocumented form fields are a 422 on every API (what a strict server answers). */
function unknownField(name: string): ApiError {
  return new ApiError(422, 'unknown_field', `Unknown form field "${name}".`, name, {
    location: 'body',
  });
}

export function tooLarge(limit: number, what: string, param?: string): ApiError {
  return new ApiError(
    413,
    'file_too_large',
    `${what} exceeds the limit of ${limit} bytes.`,
    param,
    param ? { location: 'body' } : {},
  );
}

/** Reads and drops what is left of a refused body, within limits, then lets the socket go. */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), DISCARD_LIMIT_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT_BYTES) req.destroy();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/** Checks what can be checked before a byte is read; throws the refusal. */
function admitBody(req: IncomingMessage, rules: MultipartRules): void {
  const type = header(req, 'content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type))
    throw invalid(rules, 'Send the upload as multipart/form-data (with a boundary).');
  const declared = header(req, 'content-length');
  if (declared !== undefined && Number(declared) > rules.maxRequestBytes) {
    // Nothing useful can come of reading it: close the connection after the answer.
    const error = tooLarge(rules.maxRequestBytes, `The request body (${declared} bytes)`);
    throw new ApiError(error.status, error.code, error.message, undefined, {
      headers: { connection: 'close' },
    });
  }
}

export async function receiveMultipart(
  req: IncomingMessage,
  partPath: string,
  rules: MultipartRules,
  fault?: FaultSpec,
): Promise<MultipartOutcome> {
  admitBody(req, rules);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      preservePath: true,
      defParamCharset: 'utf8',
      limits: { fields: 20, fieldSize: 64 * 1024, parts: 21, files: 1, headerPairs: 50 },
    });
  } catch (error) {
    throw invalid(rules, `Malformed multipart body: ${(error as Error).message}.`);
  }
  const fields = new Map<string, string>();
  let out: WriteStream | undefined;
  let file: Omit<ReceivedFile, 'size' | 'md5'> | undefined;
  let fileBytes = 0;
  const hash = createHash('md5');
  let received = 0;
  const started = Date.now();

  const outcome = await new Promise<MultipartOutcome | ApiError>((resolve) => {
    let settled = false;
    const settle = (value: MultipartOutcome | ApiError): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      if (value instanceof ApiError) discardRest(req);
      resolve(value);
    };
    const fail = (error: unknown): void => {
      settle(error instanceof ApiError ? error : invalid(rules, String(error)));
    };

    parser.on('field', (name, value, info) => {
      if (settled) return;
      try {
        if (name === rules.fileField)
          throw invalid(rules, `"${name}" must be a file part (with a filename).`);
        if (!rules.fields.includes(name)) throw unknownField(name);
        if (file) rules.fieldAfterFile?.(name);
        if (fields.has(name)) throw invalid(rules, `Form field "${name}" is sent twice.`, name);
        if (info.valueTruncated) throw invalid(rules, `Form field "${name}" is too long.`, name);
        fields.set(name, value);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('file', (name, stream, info) => {
      if (settled) return void stream.resume();
      if (name !== rules.fileField) {
        stream.resume();
        return fail(unknownField(name));
      }
      const cap = rules.maxFileBytes(fields);
      file = { filename: info.filename ?? '', mimeType: info.mimeType, path: partPath };
      out = createWriteStream(partPath, { flags: 'wx' });
      out.on('error', fail);
      stream.on('data', (chunk: Buffer) => {
        fileBytes += chunk.length;
        if (fileBytes > cap) {
          stream.unpipe();
          stream.resume();
          return fail(tooLarge(cap, 'The file', rules.fileField));
        }
        hash.update(chunk);
      });
      stream.pipe(out);
    });
    parser.on('filesLimit', () => fail(invalid(rules, 'Send one file per request.')));
    parser.on('fieldsLimit', () => fail(invalid(rules, 'Too many form fields.')));
    parser.on('partsLimit', () => fail(invalid(rules, 'Too many parts.')));
    parser.on('error', (error: Error) =>
      fail(invalid(rules, `Malformed multipart body: ${error.message}.`)),
    );
    parser.on('close', () => {
      if (settled) return;
      const done = out ? finished(out) : Promise.resolve();
      done.then(
        () => settle({ kind: 'ok', fields, file: undefined }),
        (error: unknown) => fail(error),
      );
    });

    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (fault?.dropAfterBytes !== undefined && received >= fault.dropAfterBytes) {
        req.socket.destroy();
        settle({ kind: 'dropped' });
        return;
      }
      if (received > rules.maxRequestBytes) {
        fail(tooLarge(rules.maxRequestBytes, 'The request body'));
        return;
      }
      const writable = parser.write(chunk);
      const rate = fault?.throttleBytesPerSecond;
      // Wall-clock pacing on purpose: a throttle is about real transfer speed.
      const wait = rate ? started + (received / rate) * 1000 - Date.now() : 0;
      if (!writable || wait > 0) {
        req.pause();
        let pending = (writable ? 0 : 1) + (wait > 0 ? 1 : 0);
        const resume = (): void => {
          pending -= 1;
          if (pending === 0 && !settled) req.resume();
        };
        if (!writable) parser.once('drain', resume);
        if (wait > 0) setTimeout(resume, wait);
      }
    };
    const onEnd = (): void => void parser.end();
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('close', () => {
      if (!req.complete) settle({ kind: 'aborted' });
    });
  });

  if (outcome instanceof ApiError || outcome.kind !== 'ok') {
    // The part file may still be opening: removing it before the stream has closed would let the
    // open create it again after the answer said nothing was stored.
    await closed(out);
    await rm(partPath, { force: true });
    if (outcome instanceof ApiError) throw outcome;
    return outcome;
  }
  return {
    kind: 'ok',
    fields,
    file: file && { ...file, size: fileBytes, md5: hash.digest('hex') },
  };
}

/** Destroys `stream` and resolves once its file descriptor is closed (at once if it already is). */
function closed(stream: WriteStream | undefined): Promise<void> {
  if (!stream || stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.destroy();
  });
}
