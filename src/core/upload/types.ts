/**
 * The engine's public data: one immutable record per upload, keyed by `localId`.
 * React binds these through `useSyncExternalStore`; nothing here knows about React.
 */
import type { FilesBackend, RemoteFile } from '../backend.js';
import type { ErrorCode, ErrorInfo, FileErrorParams, FileRejection } from '../errors.js';
import type { PurposeRules } from '../rules/purposes.js';
import type { InterruptionReason } from './resume/restore.js';
import type { ResumeOptions } from './resume/options.js';

export type { InterruptionReason, ResumeOptions };

export type UploadPhase =
  | 'queued'
  | 'hashing'
  | 'creating'
  | 'uploading'
  | 'completing'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  /** Restored after a reload and waiting: for the file again, a click, or another tab. */
  | 'interrupted';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100, integer. */
  percent: number;
  /** Smoothed transfer speed; 0 until measured. */
  bytesPerSecond: number;
  /** `undefined` until a speed is known. */
  etaSeconds: number | undefined;
}

export interface Upload {
  readonly localId: string;
  readonly file: File;
  readonly purpose: string | undefined;
  readonly phase: UploadPhase;
  readonly progress: UploadProgress;
  /** The server's file once a session exists or the upload is done (its `filename` may be stamped). */
  readonly serverFile: RemoteFile | undefined;
  /** Set once failed or rejected. */
  readonly error: ErrorInfo | undefined;
  /** Every reason a rejected file was refused. */
  readonly rejection: FileRejection | undefined;
  /** Lower-case hex MD5 once computed. */
  readonly md5: string | undefined;
  /** How many automatic retries this upload has used. */
  readonly attempts: number;
  readonly addedAt: number;
  /**
   * While `interrupted`: what it waits for. `choose-again`: the file (a button `Choose <name>
   * again`); `permission`: one click to read a kept file handle again; `unreachable`: the server
   * could not be asked, a click asks again; `elsewhere`: another tab is uploading it.
   */
  readonly interruption?: InterruptionReason;
}

export interface UploadSnapshot {
  readonly uploads: readonly Upload[];
  /** Totals over uploads that are not rejected or cancelled. */
  readonly progress: UploadProgress;
  readonly isUploading: boolean;
}

export interface UploadEngineOptions {
  backend: FilesBackend;
  /** The service's purpose name for files added from now on. @default undefined */
  purpose?: string;
  /**
   * Files sending their bytes at once (PUTs, or one-request uploads). Beside each, the next
   * file's session may be made and the last file's complete answered. @default 4
   */
  concurrency?: number;
  /**
   * Compute an MD5 (in a Worker, alongside the PUT) and send it on complete, where the backend
   * verifies one (`capabilities.checksum === 'md5'`). @default true
   */
  checksum?: boolean;
  /** @default defaultPurposeRules */
  rules?: Readonly<PurposeRules>;
  /** Refuse files past this many per `add` call (code `too-many-files`). @default undefined */
  maxFiles?: number;
  /**
   * Uploads survive a reload: a journal in IndexedDB, reconciled with the server when the engine
   * is made. Read once, when the engine is made. @default false
   */
  resume?: boolean | ResumeOptions;
  onUploaded?: (file: RemoteFile, upload: Upload) => void;
  onError?: (error: ErrorInfo, upload: Upload) => void;
  /** An upload left `queued` for its first network step (again after `retry`). */
  onStart?: (upload: Upload) => void;
  /** An upload reached `completed`, `failed` or `cancelled` (once per start). */
  onSettled?: (upload: Upload) => void;
  /**
   * Code the callbacks above need, loaded with the runner (the chunk that runs uploads): called
   * when the engine starts fetching the runner (in a browser, when it is made) and again when
   * files are added, it holds every upload back until it has resolved, so the callbacks can rely
   * on it. A rejection fails the files waiting for the runner with it (code `network` for a chunk
   * that did not load), and their Retry calls it again. `useFileUpload` loads its React Query
   * bridge this way.
   * @default undefined
   */
  loadWithRunner?: () => Promise<unknown>;
  /**
   * Replace the English message of any error code (validation and transport alike), e.g. to
   * localize. A function gets the default message and the file.
   * @default undefined (English messages: the validator's own, or the server's/transport's)
   */
  messages?: ErrorMessages;
  /** Automatic retries of transient failures, per step. @default { attempts: 3, baseDelayMs: 1000 } */
  retry?: RetryOptions;
  /** Online/offline source. @default the runtime's `online`/`offline` events (always online without them) */
  connectivity?: Connectivity;
  /**
   * Computes the MD5 sent on complete. Apps rarely set this; tests use it to control timing.
   * @default computeMd5 (a Worker, or the main thread where Workers are missing)
   */
  hashFile?: (
    file: File,
    options: {
      signal: AbortSignal;
      onProgress?: (progress: { loaded: number; total: number }) => void;
    },
  ) => Promise<string>;
}

export interface ErrorMessageContext {
  code: ErrorCode;
  /** The English message filedock would show. */
  message: string;
  file: File;
  /** A validation error's values (limit, the file's size, type labels), as `FileError.params`. */
  params?: FileErrorParams;
}

export type ErrorMessages = Partial<
  Record<ErrorCode, string | ((context: ErrorMessageContext) => string)>
>;

export interface RetryOptions {
  /** Tries per step, the first included; 1 turns automatic retries off. @default 3 */
  attempts?: number;
  /** Backoff before retry n (from 0) is `baseDelayMs · 2ⁿ` plus up to 25 % jitter, unless the server sent Retry-After. @default 1000 */
  baseDelayMs?: number;
  /** Upper bound of any wait, Retry-After included. @default 60000 */
  maxDelayMs?: number;
}

export interface Connectivity {
  readonly online: boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface UploadEngine {
  subscribe(listener: () => void): () => void;
  getSnapshot(): UploadSnapshot;
  /** Validates and queues; returns the new localIds (rejected ones included). */
  add(files: readonly File[] | FileList): string[];
  /**
   * Takes new options (the backend stays the one the engine was made with). Files added from now
   * on follow them; uploads already added keep the purpose, rule, checksum and retry settings
   * they were added with. Callbacks and `messages` apply at once; a higher `concurrency` starts
   * queued uploads now, a lower one takes effect as running uploads finish.
   */
  setOptions(options: UploadEngineOptions): void;
  cancel(localId: string): void;
  retry(localId: string): void;
  /**
   * An `interrupted` upload's file, chosen again: checked to be the same file (MD5 where known,
   * else name, size and lastModified) before a byte is sent; a different one sets the error
   * `file-mismatch` and sends nothing.
   */
  supply(localId: string, file: File): void;
  /** An `interrupted` upload's Resume click: reads a kept file handle again (call it inside the click), or asks the server again. */
  resume(localId: string): void;
  remove(localId: string): void;
  clear(): void;
  /** Stop listening to online/offline and timers; in-flight uploads are left to finish. */
  destroy(): void;
}
