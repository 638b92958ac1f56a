/**
 * The state of the in-memory Files API: files by id, the bytes PUT for each, and the rules the real
 * API enforces (create limits, PENDING-only cancel/complete, COMPLETED-only URLs, session expiry,
 * MD5 verification, knowledge purposes' stamped names and `if-none-match`).
 */
import { md5 } from 'hash-wasm';
import type { UploadParams } from '../core/backend.js';
import { FiledockError } from '../core/errors.js';
import { MAX_LIST_LIMIT, MAX_SIZE_BYTES, type Purpose } from '../core/lightfield/constants.js';
import type { FileCreateResponse, FileObject } from '../core/lightfield/schemas.js';
import {
  KNOWLEDGE_PURPOSES,
  isMimeTypeAllowed,
  ruleFor,
  type PurposeRules,
} from '../core/rules/purposes.js';
import { faultError, httpError } from './faults.js';
import type { MemoryFileSeed } from './types.js';

const UPLOAD_URL_PREFIX = 'memory://upload/';

interface Entry {
  file: FileObject;
  /** The name the caller asked for, before any stamping: what faults match on. */
  requestedName: string;
  body: Blob | undefined;
}

export class MemoryStore {
  #entries = new Map<string, Entry>();
  #counter = 0;
  readonly #now: () => number;
  readonly #sessionTtlMs: number;
  readonly #rules: Readonly<PurposeRules>;
  readonly #maxPageSize: number;

  constructor(
    now: () => number,
    sessionTtlMs: number,
    rules: Readonly<PurposeRules>,
    maxPageSize: number = MAX_LIST_LIMIT,
  ) {
    this.#now = now;
    this.#sessionTtlMs = sessionTtlMs;
    this.#rules = rules;
    this.#maxPageSize = maxPageSize;
  }

  clear(): void {
    this.#entries.clear();
  }

  #nextId(): string {
    this.#counter += 1;
    return `fil_mem${String(this.#counter).padStart(6, '0')}`;
  }

  #iso(ms: number = this.#now()): string {
    return new Date(ms).toISOString();
  }

  seed(seeds: readonly MemoryFileSeed[]): FileObject[] {
    return seeds.map((seed) => {
      const status = seed.status ?? 'COMPLETED';
      const createdAt = seed.createdAt ?? this.#iso();
      const file: FileObject = {
        id: seed.id ?? this.#nextId(),
        status,
        filename: seed.filename,
        mimeType: seed.mimeType ?? 'application/octet-stream',
        sizeBytes: seed.sizeBytes ?? 1024,
        createdAt,
        completedAt: seed.completedAt ?? (status === 'COMPLETED' ? createdAt : null),
        expiresAt:
          seed.expiresAt ??
          (status === 'PENDING' ? this.#iso(this.#now() + this.#sessionTtlMs) : null),
      };
      this.#entries.set(file.id, { file, requestedName: seed.filename, body: undefined });
      return { ...file };
    });
  }

  /** The name faults match on for a call about `id`. */
  nameOf(id: string): string | undefined {
    return this.#entries.get(id)?.requestedName;
  }

  idForUploadUrl(url: string): string | undefined {
    return url.startsWith(UPLOAD_URL_PREFIX) ? url.slice(UPLOAD_URL_PREFIX.length) : undefined;
  }

  read(id: string): Blob | undefined {
    return this.#entries.get(id)?.body;
  }

  #check({ filename, mimeType, sizeBytes, purpose }: UploadParams): void {
    const rule = ruleFor(purpose, this.#rules);
    if (filename.length < 1 || filename.length > rule.maxFilenameLength) {
      throw this.#invalid('filename', `filename must be 1–${rule.maxFilenameLength} characters.`);
    }
    if (!Number.isInteger(sizeBytes) || sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
      throw this.#invalid('sizeBytes', `sizeBytes must be an integer from 1 to ${MAX_SIZE_BYTES}.`);
    }
    if (purpose !== undefined && !isMimeTypeAllowed(rule, mimeType)) {
      throw this.#invalid('mimeType', `${mimeType} is not allowed for ${purpose}.`);
    }
    if (sizeBytes > rule.maxSize)
      throw this.#invalid('sizeBytes', `sizeBytes exceeds ${rule.maxSize} for ${purpose}.`);
  }

  create(params: UploadParams): FileCreateResponse {
    this.#check(params);
    const { filename, mimeType, sizeBytes, purpose } = params;
    const knowledge = purpose !== undefined && KNOWLEDGE_PURPOSES.includes(purpose as Purpose);
    const now = this.#now();
    const file: FileObject = {
      id: this.#nextId(),
      status: 'PENDING',
      filename: knowledge ? stamp(filename, now) : filename,
      mimeType,
      sizeBytes,
      createdAt: this.#iso(now),
      completedAt: null,
      expiresAt: this.#iso(now + this.#sessionTtlMs),
    };
    this.#entries.set(file.id, { file, requestedName: filename, body: undefined });
    const uploadHeaders: Record<string, string> = { 'content-type': mimeType };
    if (knowledge) uploadHeaders['if-none-match'] = '*';
    return { ...file, uploadUrl: `${UPLOAD_URL_PREFIX}${file.id}`, uploadHeaders };
  }

  /** A one-request upload: the file is stored, COMPLETED, with its bytes. */
  uploadDirect(params: UploadParams, body: Blob): FileObject {
    this.#check(params);
    const iso = this.#iso();
    const file: FileObject = {
      id: this.#nextId(),
      status: 'COMPLETED',
      filename: params.filename,
      mimeType: params.mimeType,
      sizeBytes: body.size,
      createdAt: iso,
      completedAt: iso,
      expiresAt: null,
    };
    this.#entries.set(file.id, { file, requestedName: params.filename, body });
    return { ...file };
  }

  delete(id: string): void {
    this.#get(id);
    this.#entries.delete(id);
  }

  /** The stored bytes; a seeded file without any reads as its name. */
  download(id: string): Blob {
    const entry = this.#get(id);
    return entry.body ?? new Blob([entry.file.filename], { type: entry.file.mimeType });
  }

  /** Checks a PUT may start; returns the size the body must have. */
  beginPut(url: string, headers: Record<string, string>): Entry {
    const id = this.idForUploadUrl(url);
    const entry = id === undefined ? undefined : this.#entries.get(id);
    if (!entry) throw httpError('put', 403, 'The upload URL is not valid.');
    this.#expireIfDue(entry);
    if (entry.file.status === 'EXPIRED') throw faultError({ route: 'put', kind: 'expire' });
    if (entry.file.status !== 'PENDING')
      throw httpError('put', 403, 'The upload session is closed.');
    if (headers['content-type'] !== entry.file.mimeType) {
      throw httpError('put', 403, 'The upload headers do not match the signed ones.');
    }
    if (headers['if-none-match'] === '*' && entry.body !== undefined) {
      throw httpError('put', 412, 'An object with this name already exists.');
    }
    return entry;
  }

  finishPut(entry: Entry, body: Blob): void {
    if (body.size !== entry.file.sizeBytes) {
      throw httpError(
        'put',
        403,
        `The body is ${body.size} bytes; the session was signed for ${entry.file.sizeBytes}.`,
      );
    }
    entry.body = body;
  }

  /** Forces a session to expire now (fault `expire`). */
  expire(id: string): void {
    const entry = this.#entries.get(id);
    if (entry?.file.status === 'PENDING')
      entry.file = { ...entry.file, status: 'EXPIRED', expiresAt: null };
  }

  async complete(id: string, md5Param: string | undefined, verify: boolean): Promise<FileObject> {
    const entry = this.#pending(id, 'complete');
    if (entry.body === undefined)
      throw httpError('complete', 409, 'No bytes were uploaded for this file.');
    if (md5Param !== undefined && !/^[a-f0-9]{32}$/.test(md5Param)) {
      throw this.#invalid('md5', 'md5 must be 32 lower-case hex characters.');
    }
    if (verify && md5Param !== undefined) {
      const actual = await md5(new Uint8Array(await entry.body.arrayBuffer()));
      if (actual !== md5Param) throw faultError({ route: 'complete', kind: 'checksum' });
    }
    entry.file = { ...entry.file, status: 'COMPLETED', completedAt: this.#iso(), expiresAt: null };
    return { ...entry.file };
  }

  cancel(id: string): FileObject {
    const entry = this.#pending(id, 'cancel');
    entry.file = { ...entry.file, status: 'CANCELLED', expiresAt: null };
    return { ...entry.file };
  }

  retrieve(id: string): FileObject {
    const entry = this.#get(id);
    this.#expireIfDue(entry);
    return { ...entry.file };
  }

  /** Offset pages count every file; cursor pages carry the next page's token instead. */
  list(
    params: { offset?: number; limit?: number; cursor?: string },
    paging: 'offset' | 'cursor' = 'offset',
  ): { data: FileObject[]; totalCount?: number; nextCursor?: string } {
    const offset = paging === 'cursor' ? cursorOffset(params.cursor) : (params.offset ?? 0);
    const limit = params.limit ?? Math.min(MAX_LIST_LIMIT, this.#maxPageSize);
    if (!Number.isInteger(offset) || offset < 0)
      throw this.#invalid(paging === 'cursor' ? 'cursor' : 'offset', 'Not a valid page.');
    if (!Number.isInteger(limit) || limit < 1 || limit > this.#maxPageSize) {
      throw this.#invalid('limit', `limit must be an integer from 1 to ${this.#maxPageSize}.`);
    }
    const all = this.all();
    const data = all.slice(offset, offset + limit);
    if (paging === 'offset') return { data, totalCount: all.length };
    return offset + limit < all.length ? { data, nextCursor: `page:${offset + limit}` } : { data };
  }

  /** Every file, newest first (ties broken by id, newest first). */
  all(): FileObject[] {
    for (const entry of this.#entries.values()) this.#expireIfDue(entry);
    return [...this.#entries.values()]
      .map((e) => ({ ...e.file }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  url(id: string): { url: string; expiresAt: string } {
    const entry = this.#get(id);
    if (entry.file.status !== 'COMPLETED')
      throw httpError('url', 409, 'Only COMPLETED files have a download URL.');
    return { url: `memory://files/${id}/content`, expiresAt: this.#iso(this.#now() + 15 * 60_000) };
  }

  #get(id: string): Entry {
    const entry = this.#entries.get(id);
    if (!entry) throw httpError('retrieve', 404, `No file ${id}.`);
    return entry;
  }

  #pending(id: string, route: 'complete' | 'cancel'): Entry {
    const entry = this.#get(id);
    this.#expireIfDue(entry);
    if (entry.file.status === 'EXPIRED') throw faultError({ route, kind: 'expire' });
    if (entry.file.status !== 'PENDING')
      throw httpError(route, 409, `The file is ${entry.file.status}, not PENDING.`);
    return entry;
  }

  #expireIfDue(entry: Entry): void {
    const { expiresAt, status } = entry.file;
    if (status === 'PENDING' && expiresAt !== null && Date.parse(expiresAt) <= this.#now())
      this.expire(entry.file.id);
  }

  #invalid(param: string, message: string): FiledockError {
    return new FiledockError({
      code: 'bad_request',
      message,
      status: 400,
      type: 'bad_request',
      param,
    });
  }
}

/** A cursor this store handed out (`page:<offset>`); the first page has none. */
function cursorOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^page:(\d+)$/.exec(cursor);
  return match ? Number(match[1]) : -1;
}

/** `playbook.md` → `playbook_1713045600000.md`, as the API stamps knowledge files. */
function stamp(filename: string, now: number): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? `${filename.slice(0, dot)}_${now}${filename.slice(dot)}` : `${filename}_${now}`;
}
