/**
 * The engine's private, mutable bookkeeping for one upload (what the immutable record does not
 * show): the step to resume from, the current session, the running MD5, recovery budgets.
 */
import type { FilesBackend, RemoteFile, UploadSession } from '../backend.js';
import { defaultPurposeRules, ruleFor, type PurposeRule } from '../rules/purposes.js';
import { resolveRetry } from './retry.js';
import { SpeedMeter } from './speed.js';
import type { RetryOptions, UploadEngineOptions } from './types.js';

/** Where a run starts or resumes. `upload` is the one request of a direct transfer. */
export type Step = 'create' | 'put' | 'complete' | 'upload';

export interface Md5Run {
  promise: Promise<string>;
  controller: AbortController;
}

/**
 * The options an upload was added under. Fixed for its whole life: an app that changes `purpose`
 * or `checksum` later means the files it adds from then on, not the ones already on their way.
 */
export interface JobSettings {
  readonly purpose: string | undefined;
  /** The purpose's rule, resolved from the rule table in force at `add`. */
  readonly rule: PurposeRule;
  readonly checksum: boolean;
  readonly retry: Required<RetryOptions>;
}

/** Whether uploads made under `options` send an MD5: asked for, and verified by the service. */
export const checksumOn = (options: UploadEngineOptions, backend: FilesBackend): boolean =>
  options.checksum !== false && backend.capabilities.checksum === 'md5';

/** The settings of an upload made now under `options`, for `purpose` (its rule unless given). */
export function jobSettings(
  options: UploadEngineOptions,
  backend: FilesBackend,
  purpose: string | undefined,
  rule: PurposeRule = ruleFor(purpose, options.rules ?? defaultPurposeRules),
): JobSettings {
  return {
    purpose,
    rule,
    checksum: checksumOn(options, backend),
    retry: resolveRetry(options.retry),
  };
}

export interface Job {
  readonly localId: string;
  readonly file: File;
  readonly settings: JobSettings;
  /** `undefined` until the first bytes have been sniffed; the job cannot start before. */
  mimeType: string | undefined;
  step: Step;
  session: UploadSession | undefined;
  /**
   * The idempotency key of the create under way, journaled before it is sent: a create cut by a
   * reload is sent again with it after the reload and gets the same session back, never a second
   * one left PENDING. Cleared once the session is known (a renewed session needs a new key).
   */
  createKey: string | undefined;
  md5: string | undefined;
  md5Run: Md5Run | undefined;
  /** The current run's controller; `undefined` when not running. */
  controller: AbortController | undefined;
  /** `onStart` fired for the current run, so `onSettled` is owed. */
  started: boolean;
  /** A manual retry: check the kept session with the server before reusing it. */
  verifySession: boolean;
  expiryRenewals: number;
  conflictRenewals: number;
  checksumReputs: number;
  readonly speed: SpeedMeter;
}

export function createJob(
  localId: string,
  file: File,
  settings: JobSettings,
  transfer: 'session' | 'direct',
): Job {
  return {
    localId,
    file,
    settings,
    mimeType: undefined,
    step: transfer === 'direct' ? 'upload' : 'create',
    session: undefined,
    createKey: undefined,
    md5: undefined,
    md5Run: undefined,
    controller: undefined,
    started: false,
    verifySession: false,
    expiryRenewals: 0,
    conflictRenewals: 0,
    checksumReputs: 0,
    speed: new SpeedMeter(),
  };
}

/** The file inside a create answer, without the upload URL and headers. */
export function fileOfSession(session: UploadSession): RemoteFile {
  const { uploadUrl: _url, uploadHeaders: _headers, ...file } = session;
  return file;
}

export function stopMd5(job: Job): void {
  job.md5Run?.controller.abort();
  job.md5Run = undefined;
}
