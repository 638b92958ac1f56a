/**
 * The subscribe/getSnapshot store behind `useSyncExternalStore`.
 *
 * Notifications are coalesced, in two classes:
 * - what the user must see at once (files added or removed, and the settled phases the user
 *   caused or must act on: failed, cancelled, rejected, requeued) flushes on the next
 *   microtask, taking any pending change with it;
 * - everything else (progress, working-phase transitions, session, MD5, retry counts, and
 *   completions, which arrive with a request's answer, just before the lane's next request) marks the
 *   store dirty and flushes on an animation frame (a 16 ms timer where there are no frames) no
 *   sooner than `MIN_FLUSH_INTERVAL_MS` after the previous notification, so fifty parallel
 *   uploads give at most ten renders a second: a phase or MD5 change does not force a flush of
 *   its own on top of the per-frame progress one.
 * Only a running upload brings changes of the second class, so their transitions and the frame
 * pacing load with the runner (run-part.ts), which hands them to the store (`extend`); until
 * then every change is of the first class.
 * `getSnapshot` always reflects the latest state (only the notification waits) and returns the
 * same object until the state changes.
 */
import {
  makeProgress,
  reduce,
  initialState,
  isActive,
  type ApplyRun,
  type UploadAction,
  type UploadState,
} from './reducer.js';
import { reportError } from './report.js';
import type { UploadSnapshot } from './types.js';

export type Urgency = 'now' | 'frame';

/** What the runner adds to the store (run-part.ts). */
export interface RunPart {
  /** The run actions' transitions. */
  apply: ApplyRun;
  /**
   * Schedules the notification of a change that may wait for a frame and returns true; false
   * for one to notify on a microtask. `urgency` overrides the class the action type picks;
   * `lastFlush` is when the last notification went out.
   */
  paced(action: UploadAction, urgency: Urgency | undefined, lastFlush: number): boolean;
  /** Drops the frame asked for: a flush is on its way. */
  cancel(): void;
}

export interface UploadStore {
  /** `urgency` overrides the class the action type picks (see the header). */
  dispatch(action: UploadAction, urgency?: Urgency): void;
  getState(): UploadState;
  getSnapshot(): UploadSnapshot;
  subscribe(listener: () => void): () => void;
  /** Takes the runner's part of the store, made with the store's flush. */
  extend(make: (flush: () => void) => RunPart): void;
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

export function createUploadStore(): UploadStore {
  let state = initialState;
  let snapshot = selectSnapshot(state);
  let snapshotOf = state;
  const listeners = new Set<() => void>();
  let dirty = false;
  let microtaskQueued = false;
  let run: RunPart | undefined;
  let destroyed = false;
  /** When the last notification went out; `-Infinity` so the first one never waits. */
  let lastFlush = Number.NEGATIVE_INFINITY;

  const flush = (): void => {
    run?.cancel();
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

  const soon = (): void => {
    run?.cancel();
    microtaskQueued = true;
    queueMicrotask(flush);
  };

  return {
    dispatch(action, urgency) {
      const next = reduce(state, action, run?.apply);
      if (next === state) return;
      state = next;
      dirty = true;
      if (!microtaskQueued && (destroyed || !run?.paced(action, urgency, lastFlush))) soon();
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
    extend(make) {
      run ??= make(flush);
    },
    destroy() {
      destroyed = true;
      run?.cancel();
      if (dirty && !microtaskQueued) soon();
    },
  };
}
