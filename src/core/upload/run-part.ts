/**
 * The part of the upload store that only matters once uploads run, loaded with the runner (which
 * hands it to its engine's store): the transitions of the run actions (see `RunAction`: working
 * phases, progress, session, MD5, retry counts, completion, interruption), and notifications of
 * the non-urgent ones paced to animation frames. Before the runner is there no upload runs, so
 * none of these actions can come, and every change is one to notify at once.
 */
import {
  isActive,
  makeProgress,
  reduce,
  type ApplyRun,
  type UploadAction,
  type UploadState,
} from './reducer.js';
import type { RunPart } from './store.js';
import type { Upload } from './types.js';

/**
 * Least time between a notification and the next non-urgent one: ten renders a second at most,
 * which a progress bar's own transition smooths over. Each render redraws the uploader's rows,
 * totals and drop area on the thread that also sends the next requests.
 */
export const MIN_FLUSH_INTERVAL_MS = 100;

const completed = (upload: Upload, serverFile: Upload['serverFile']): Upload => ({
  ...upload,
  phase: 'completed',
  serverFile,
  error: undefined,
  progress: makeProgress(upload.progress.total, upload.progress.total),
});

export const applyRun: ApplyRun = (upload, action) => {
  const { phase } = upload;
  switch (action.type) {
    case 'completed':
      return isActive(upload) || phase === 'interrupted'
        ? completed(upload, action.serverFile)
        : undefined;
    /** A cancel lost the race with complete: the server has the file COMPLETED, and its answer wins. */
    case 'reconciled':
      return phase === 'cancelled' ? completed(upload, action.serverFile) : undefined;
    case 'interrupted':
      return phase === 'interrupted'
        ? { ...upload, interruption: action.reason, error: action.error }
        : undefined;
  }
  if (!isActive(upload)) return undefined;
  switch (action.type) {
    case 'phase':
      return phase === action.phase ? upload : { ...upload, phase: action.phase };
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
  }
};

/**
 * The upload reducer over every action: the pure function the engine's store applies, for apps
 * that keep upload records of their own.
 */
export const reduceUploads = (state: UploadState, action: UploadAction): UploadState =>
  reduce(state, action, applyRun);

type FrameHandle = { cancel(): void };

function requestFrame(callback: () => void): FrameHandle {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number })
    .requestAnimationFrame;
  const caf = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;
  if (typeof raf === 'function' && typeof caf === 'function') {
    const id = raf(callback);
    return { cancel: () => caf(id) };
  }
  return requestTimeout(callback, 16);
}

function requestTimeout(callback: () => void, ms: number): FrameHandle {
  const id = setTimeout(callback, ms);
  return { cancel: () => clearTimeout(id) };
}

/**
 * Actions whose notification never waits for a frame (see store.ts). A completion is not one of
 * them: it comes from a request's answer, and a render on the microtask after it would run
 * between that answer and the lane's next request (the next file's PUT), once per file.
 */
const URGENT: ReadonlySet<UploadAction['type']> = new Set([
  'added',
  'removed',
  'rejected',
  'reconciled',
  'failed',
  'cancelled',
  'requeued',
]);

/** The store's run part, flushing with `flush`. */
export function createRunPart(flush: () => void): RunPart {
  /** A pending frame or end-of-interval timer; a microtask flush cancels it. */
  let pending: FrameHandle | undefined;
  return {
    apply: applyRun,
    paced(action, urgency, lastFlush) {
      if ((urgency ?? (URGENT.has(action.type) ? 'now' : 'frame')) === 'now') return false;
      if (!pending) {
        const wait = lastFlush + MIN_FLUSH_INTERVAL_MS - Date.now();
        pending = wait > 0 ? requestTimeout(flush, wait) : requestFrame(flush);
      }
      return true;
    },
    cancel() {
      pending?.cancel();
      pending = undefined;
    },
  };
}
