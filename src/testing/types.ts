/**
 * Options and handles of the in-memory Files API (`filedock/testing`).
 */
import type { FilesBackend } from '../core/backend.js';
import type { LightfieldFiles } from '../core/lightfield/types.js';
import type { FileObject } from '../core/lightfield/schemas.js';
import type { PurposeRules } from '../core/rules/purposes.js';

/**
 * The calls a fault or a pause can target: the API's routes, the PUT to storage, and for direct
 * services the one-request `upload`, `delete` and `download` (bytes).
 */
export type MemoryRoute =
  | 'create'
  | 'put'
  | 'complete'
  | 'cancel'
  | 'retrieve'
  | 'list'
  | 'url'
  | 'upload'
  | 'delete'
  | 'download';

/**
 * Which service's capabilities the memory client emulates:
 * - `lightfield`: sessions (create → PUT → complete), MD5 on complete, server-side cancel,
 *   offset paging (25 a page), signed download URLs, no delete;
 * - `llamacloud`: one-request uploads, no MD5, no cancel, delete, cursor paging (1000 a page),
 *   signed download URLs, and files without size, type or dates;
 * - `xai`: one-request uploads, no MD5, no cancel, delete, cursor paging (100 a page), the bytes
 *   through `download`.
 */
export type MemoryService = 'lightfield' | 'llamacloud' | 'xai';

/**
 * What goes wrong on a route:
 * - `status`: the route answers `status` (with `Retry-After` when `retryAfterSeconds` is set),
 *   mapped to a `FiledockError` as the real client maps it;
 * - `malformed`: the answer fails its schema (code `invalid-response`);
 * - `drop`: the connection drops (code `network`); `timeout`: it times out (code `timeout`);
 * - `expire`: the session expires first (code `upload-expired`, the file becomes EXPIRED);
 * - `checksum`: `complete` reports an MD5 mismatch (code `checksum-mismatch`).
 */
export type MemoryFaultKind = 'status' | 'malformed' | 'drop' | 'timeout' | 'expire' | 'checksum';

export interface MemoryFault {
  route: MemoryRoute;
  /** @default 'status' when `status` is set */
  kind?: MemoryFaultKind;
  /** HTTP status for kind `status`. */
  status?: number;
  /**
   * Sent as Retry-After; becomes the error's `retryAfterMs`. Also honoured for `drop` and `timeout`
   * (which carry no headers in reality), so automatic retries can be made instant in stories.
   * @default undefined
   */
  retryAfterSeconds?: number;
  /** How many matching calls fail before the route recovers; `Infinity` for ever. @default 1 */
  times?: number;
  /** Only calls about the file with this name (as the user picked it). @default every file */
  filename?: string;
}

/** The phases a story can hold an upload at (`creating` and `completing`: sessions only). */
export type MemoryPausePhase = 'creating' | 'uploading' | 'completing';

export interface MemoryPause {
  phase: MemoryPausePhase;
  /** For `uploading`: the percent of the bytes sent before holding. @default 0 */
  percent?: number;
}

/** A file to seed; everything but the name has a default. */
export interface MemoryFileSeed extends Partial<FileObject> {
  filename: string;
}

export interface MemoryClientOptions {
  /** The service whose capabilities (and answers) to emulate. @default 'lightfield' */
  service?: MemoryService;
  /** Delay before each call answers (timers, so fake timers drive it). @default 0 */
  latencyMs?: number;
  /**
   * PUT speed. `undefined` sends every byte at once; `0` holds the PUT at 0 % until aborted or
   * `control.setBytesPerSecond` changes it. @default undefined
   */
  bytesPerSecond?: number;
  /** How often PUT progress is reported while sending at `bytesPerSecond`. @default 100 */
  progressIntervalMs?: number;
  /** Faults armed from the start. @default [] */
  faults?: readonly MemoryFault[];
  /** Files present from the start. @default [] */
  files?: readonly MemoryFileSeed[];
  /** Hold every upload at a phase until `control.setPaused(false)`. @default undefined */
  pauseAt?: MemoryPause;
  /** Clock for timestamps and session expiry. @default Date.now */
  now?: () => number;
  /** How long a PENDING session lives. @default 3_600_000 (one hour) */
  sessionTtlMs?: number;
  /** Whether `complete` verifies an MD5 (the engine then computes one); Lightfield only. @default true */
  md5?: boolean;
}

export interface MemoryCall {
  route: MemoryRoute;
  /** The file the call was about, once known. */
  id: string | undefined;
}

export interface MemoryControl {
  addFault(fault: MemoryFault): void;
  /** Drop every fault, file, pause and recorded call. */
  clear(): void;
  clearFaults(): void;
  /** Add files; returns them as stored. */
  seed(files: readonly MemoryFileSeed[]): FileObject[];
  /** Hold uploads at a phase, or release every held upload with `false`. */
  setPaused(pause: MemoryPause | false): void;
  setBytesPerSecond(bytesPerSecond: number | undefined): void;
  /** Every call made so far, oldest first. */
  readonly calls: readonly MemoryCall[];
  /** The stored files, newest first. */
  list(): FileObject[];
  /** The bytes a PUT stored for a file. */
  read(id: string): Blob | undefined;
}

/** The same methods as the Lightfield client's `files`. */
export type MemoryFiles = LightfieldFiles;

export interface MemoryClient {
  backend: FilesBackend;
  /** The emulated service's default purpose rules, as the real client carries them. */
  rules: Readonly<PurposeRules>;
  /**
   * The Lightfield client's `files` methods over the same store, whatever the service: a way for
   * tests to reach sessions directly.
   */
  files: MemoryFiles;
  control: MemoryControl;
}
