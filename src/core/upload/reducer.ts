/**
 * The only way an upload record changes: a pure reducer over a union of actions. Records are
 * immutable; an action that does not apply (unknown id, or a phase change the lifecycle forbids,
 * such as progress after cancel) returns the same state object, so nothing re-renders.
 */
import type { RemoteFile } from '../backend.js';
import type { ErrorInfo, FileRejection } from '../errors.js';
import type { InterruptionReason } from './resume/restore.js';
import type { Upload, UploadPhase, UploadProgress } from './types.js';

export interface UploadState {
  readonly uploads: readonly Upload[];
}

export type WorkingPhase = 'creating' | 'uploading' | 'hashing' | 'completing';

export type UploadAction =
  | { type: 'added'; uploads: readonly Upload[] }
  | { type: 'rejected'; localId: string; rejection: FileRejection; error: ErrorInfo }
  | { type: 'phase'; localId: string; phase: WorkingPhase }
  | { type: 'session'; localId: string; serverFile: RemoteFile }
  | { type: 'progress'; localId: string; loaded: number; bytesPerSecond: number }
  | { type: 'md5'; localId: string; md5: string }
  | { type: 'retrying'; localId: string }
  | { type: 'completed'; localId: string; serverFile: RemoteFile }
  /** A cancel lost the race with complete: the server has the file COMPLETED, and its answer wins. */
  | { type: 'reconciled'; localId: string; serverFile: RemoteFile }
  | { type: 'failed'; localId: string; error: ErrorInfo }
  | { type: 'cancelled'; localId: string }
  /** Runs again: a failed upload retried, or an interrupted one given its bytes back. */
  | { type: 'requeued'; localId: string; file?: File }
  /** A restored upload waits (again); `error` when a file chosen again was refused. */
  | { type: 'interrupted'; localId: string; reason: InterruptionReason; error?: ErrorInfo }
  | { type: 'removed'; localIds: readonly string[] };

export const ACTIVE_PHASES: ReadonlySet<UploadPhase> = new Set([
  'queued',
  'creating',
  'uploading',
  'hashing',
  'completing',
]);
export const SETTLED_PHASES: ReadonlySet<UploadPhase> = new Set([
  'completed',
  'failed',
  'cancelled',
  'rejected',
]);

export function isActive(upload: Pick<Upload, 'phase'>): boolean {
  return ACTIVE_PHASES.has(upload.phase);
}

export const initialState: UploadState = { uploads: [] };

export function makeProgress(loaded: number, total: number, bytesPerSecond = 0): UploadProgress {
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  const etaSeconds =
    bytesPerSecond > 0 ? Math.max(0, (total - loaded) / bytesPerSecond) : undefined;
  return { loaded, total, percent, bytesPerSecond, etaSeconds };
}

export function createUpload(
  localId: string,
  file: File,
  purpose: string | undefined,
  addedAt: number,
): Upload {
  return {
    localId,
    file,
    purpose,
    phase: 'queued',
    progress: makeProgress(0, file.size),
    serverFile: undefined,
    error: undefined,
    rejection: undefined,
    md5: undefined,
    attempts: 0,
    addedAt,
  };
}

/**
 * Actions only a running upload brings: the runner, its pipeline and resume dispatch them, so
 * their transitions (run-part.ts) load with the runner and are handed to the store by it. The
 * others are what `add`, cancel, remove and Retry do at once, before the runner may be there.
 */
export type RunAction = Extract<
  UploadAction,
  {
    type:
      | 'phase'
      | 'session'
      | 'progress'
      | 'md5'
      | 'retrying'
      | 'completed'
      | 'reconciled'
      | 'interrupted';
  }
>;

/** A run action's change to its upload; `undefined` where the lifecycle forbids it. */
export type ApplyRun = (upload: Upload, action: RunAction) => Upload | undefined;

/** A stopped upload moves no more bytes: its speed and time left are cleared. */
const stopped = (upload: Upload): UploadProgress => ({
  ...upload.progress,
  bytesPerSecond: 0,
  etaSeconds: undefined,
});

/** The upload after `action`; `undefined` where its phase forbids the action. */
function apply(
  upload: Upload,
  action: Exclude<UploadAction, { type: 'added' | 'removed' }>,
  run: ApplyRun | undefined,
): Upload | undefined {
  const { phase } = upload;
  switch (action.type) {
    case 'rejected':
      return phase === 'queued'
        ? { ...upload, phase: 'rejected', rejection: action.rejection, error: action.error }
        : undefined;
    case 'failed':
      return isActive(upload)
        ? { ...upload, phase: 'failed', error: action.error, progress: stopped(upload) }
        : undefined;
    case 'cancelled':
      return isActive(upload) || phase === 'failed' || phase === 'interrupted'
        ? { ...upload, phase: 'cancelled', progress: stopped(upload) }
        : undefined;
    case 'requeued':
      return phase === 'failed' || phase === 'interrupted'
        ? {
            ...upload,
            phase: 'queued',
            error: undefined,
            interruption: undefined,
            ...(action.file ? { file: action.file } : {}),
          }
        : undefined;
    default:
      return run?.(upload, action);
  }
}

/**
 * The state after `action`. `run` applies the run actions (see `RunAction`); without it they
 * change nothing. `reduceUploads` (run-part.ts) is this with every action.
 */
export function reduce(state: UploadState, action: UploadAction, run?: ApplyRun): UploadState {
  if (action.type === 'added') {
    return action.uploads.length === 0 ? state : { uploads: [...state.uploads, ...action.uploads] };
  }
  if (action.type === 'removed') {
    const drop = new Set(action.localIds);
    const uploads = state.uploads.filter((upload) => !drop.has(upload.localId));
    return uploads.length === state.uploads.length ? state : { uploads };
  }
  const index = state.uploads.findIndex((upload) => upload.localId === action.localId);
  const current = state.uploads[index];
  const next = current && apply(current, action, run);
  if (!next || next === current) return state;
  const uploads = state.uploads.slice();
  uploads[index] = next;
  return { uploads };
}
