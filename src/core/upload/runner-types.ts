/**
 * The engine's contract with its runner (runner.ts): apart, so the engine and its lazy loader
 * import the types without reaching into the runner's chunk.
 */
import type { FilesBackend } from '../backend.js';
import type { FileError } from '../errors.js';
import type { PurposeRule } from '../rules/purposes.js';
import type { UploadStore } from './store.js';
import type { Upload, UploadEngineOptions } from './types.js';

/** What the engine shares with its runner. */
export interface RunnerHost {
  readonly backend: FilesBackend;
  readonly store: UploadStore;
  /** The options the engine was made with: `resume` and `connectivity` are read once, from these. */
  readonly initial: UploadEngineOptions;
  /** The engine's options now: `setOptions` replaces them whole, so read them where used. */
  options(): UploadEngineOptions;
  /** Shows the file rejected, with its errors in the app's words. */
  reject(file: File, localId: string, errors: [FileError, ...FileError[]]): void;
}

/** A file `add` accepted, with the options it was added under (its job's settings for life). */
export interface Accepted {
  readonly localId: string;
  readonly file: File;
  readonly options: UploadEngineOptions;
  readonly rule: PurposeRule;
}

export interface Runner {
  /** Files accepted by `add` (or held while the runner loaded): queued, or failed to load it. */
  take(accepted: readonly Accepted[]): void;
  /** The engine marked `upload` (the record as it was) cancelled: stop its job and its session. */
  cancelled(upload: Upload): void;
  /** A failed upload, run again. */
  retry(localId: string): void;
  /** Settled uploads the engine is about to forget. */
  cleared(localIds: readonly string[]): void;
  supply(localId: string, file: File): void;
  resume(localId: string): void;
  /** New options: a higher concurrency starts queued uploads now. */
  optionsChanged(): void;
  destroy(): void;
}
