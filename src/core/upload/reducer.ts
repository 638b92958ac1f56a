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

/** What each action needs the upload's phase to be. */
function allowed(action: UploadAction, phase: UploadPhase): boolean {
  switch (action.type) {
    case 'rejected':
      return phase === 'queued';
    case 'cancelled':
      return ACTIVE_PHASES.has(phase) || phase === 'failed' || phase === 'interrupted';
    case 'requeued':
      return phase === 'failed' || phase === 'interrupted';
    case 'interrupted':
      return phase === 'interrupted';
    case 'completed':
      return ACTIVE_PHASES.has(phase) || phase === 'interrupted';
    case 'reconciled':
      return phase === 'cancelled';
    default:
      return ACTIVE_PHASES.has(phase);
  }
}

function apply(
  upload: Upload,
  action: Exclude<UploadAction, { type: 'added' | 'removed' }>,
): Upload {
  switch (action.type) {
    case 'rejected':
      return { ...upload, phase: 'rejected', rejection: action.rejection, error: action.error };
    case 'phase':
      return upload.phase === action.phase ? upload : { ...upload, phase: action.phase };
    case 'session':
      return { ...upload, serverFile: action.serverFile };
    case 'progress':
      return {
        ...upload,
        progress: makeProgress(action.loaded, upload.progress.total, action.bytesPerSecond),
      };
    case 'md5':
      return { ...upload, md5: action.md5 };
    case 'retrying':
      return { ...upload, attempts: upload.attempts + 1 };
    case 'completed':
    case 'reconciled':
      return {
        ...upload,
        phase: 'completed',
        serverFile: action.serverFile,
        error: undefined,
        progress: makeProgress(upload.progress.total, upload.progress.total),
      };
    case 'failed':
      return {
        ...upload,
        phase: 'failed',
        error: action.error,
        progress: { ...upload.progress, bytesPerSecond: 0, etaSeconds: undefined },
      };
    case 'cancelled':
      return {
        ...upload,
        phase: 'cancelled',
        progress: { ...upload.progress, bytesPerSecond: 0, etaSeconds: undefined },
      };
    case 'requeued':
      return {
        ...upload,
        phase: 'queued',
        error: undefined,
        interruption: undefined,
        ...(action.file ? { file: action.file } : {}),
      };
    case 'interrupted':
      return { ...upload, interruption: action.reason, error: action.error };
  }
}

export function reduce(state: UploadState, action: UploadAction): UploadState {
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
  if (!current || !allowed(action, current.phase)) return state;
  const next = apply(current, action);
  if (next === current) return state;
  const uploads = state.uploads.slice();
  uploads[index] = next;
  return { uploads };
}
