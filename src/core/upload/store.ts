/**
 * The subscribe/getSnapshot store behind `useSyncExternalStore`.
 *
 * Notifications are coalesced, in two classes:
 * - what the user must see at once and what callers wait on (files added or removed, and the
 *   settled phases: completed, failed, cancelled, rejected, requeued) flushes on the next
 *   microtask, taking any pending change with it;
 * - everything else (progress, working-phase transitions, session, MD5, retry counts) marks the
 *   store dirty and flushes on an animation frame (a 16 ms timer where there are no frames) no
 *   sooner than `MIN_FLUSH_INTERVAL_MS` after the previous notification, so fifty parallel
 *   uploads give at most ~30 renders a second: a phase or MD5 change does not force a flush of
 *   its own on top of the per-frame progress one.
 * `getSnapshot` always reflects the latest state (only the notification waits) and returns the
 * same object until the state changes.
 */
import {
  makeProgress,
  reduce,
  initialState,
  isActive,
  type UploadAction,
  type UploadState,
} from './reducer.js';
import { reportError } from './report.js';
import type { UploadSnapshot } from './types.js';

export type Urgency = 'now' | 'frame';

/** Least time between a notification and the next non-urgent one: ~30 renders a second at most. */
export const MIN_FLUSH_INTERVAL_MS = 32;

export interface UploadStore {
  /** `urgency` overrides the class the action type picks (see the header). */
  dispatch(action: UploadAction, urgency?: Urgency): void;
  getState(): UploadState;
  getSnapshot(): UploadSnapshot;
  subscribe(listener: () => void): () => void;
  /** Drops a pending frame timer; later changes flush on microtasks only. */
  destroy(): void;
}

export function selectSnapshot(state: UploadState): UploadSnapshot {
  let loaded = 0;
  let total = 0;
  let bytesPerSecond = 0;
  let isUploading = false;
  for (const upload of state.uploads) {
    if (upload.phase === 'rejected' || upload.phase === 'cancelled') continue;
    loaded += upload.progress.loaded;
    total += upload.progress.total;
    if (isActive(upload)) {
      isUploading = true;
      bytesPerSecond += upload.progress.bytesPerSecond;
    }
  }
  return {
    uploads: state.uploads,
    progress: makeProgress(loaded, total, bytesPerSecond),
    isUploading,
  };
}

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

/** Actions whose notification never waits for a frame (see the header). */
const URGENT: ReadonlySet<UploadAction['type']> = new Set([
  'added',
  'removed',
  'rejected',
  'completed',
  'reconciled',
  'failed',
  'cancelled',
  'requeued',
]);

export function createUploadStore(): UploadStore {
  let state = initialState;
  let snapshot = selectSnapshot(state);
  let snapshotOf = state;
  const listeners = new Set<() => void>();
  let dirty = false;
  let microtaskQueued = false;
  /** A pending frame or end-of-interval timer; a microtask flush cancels it. */
  let pending: FrameHandle | undefined;
  let destroyed = false;
  /** When the last notification went out; `-Infinity` so the first one never waits. */
  let lastFlush = Number.NEGATIVE_INFINITY;

  const flush = (): void => {
    pending?.cancel();
    pending = undefined;
    microtaskQueued = false;
    if (!dirty) return;
    dirty = false;
    lastFlush = Date.now();
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        reportError(error); // a broken subscriber must not stop the others or the engine
      }
    }
  };

  const schedule = (urgency: Urgency): void => {
    if (microtaskQueued) return;
    if (destroyed || urgency === 'now') {
      pending?.cancel();
      pending = undefined;
      microtaskQueued = true;
      queueMicrotask(flush);
    } else if (!pending) {
      const wait = lastFlush + MIN_FLUSH_INTERVAL_MS - Date.now();
      pending = wait > 0 ? requestTimeout(flush, wait) : requestFrame(flush);
    }
  };

  return {
    dispatch(action, urgency) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      dirty = true;
      schedule(urgency ?? (URGENT.has(action.type) ? 'now' : 'frame'));
    },
    getState: () => state,
    getSnapshot() {
      if (snapshotOf !== state) {
        snapshot = selectSnapshot(state);
        snapshotOf = state;
      }
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      pending?.cancel();
      pending = undefined;
      if (dirty) schedule('now');
    },
  };
}
