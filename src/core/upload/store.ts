/**
 * The subscribe/getSnapshot store behind `useSyncExternalStore`.
 *
 * Notifications are coalesced: progress marks the store dirty and flushes at most once per
 * animation frame (a 16 ms timer where there are no frames), so fifty parallel uploads do not
 * mean fifty renders per progress event; phase changes flush on the next microtask.
 * `getSnapshot` returns the same object until the state changes.
 */
import { makeProgress, reduce, initialState, isActive, type UploadAction, type UploadState } from './reducer.js';
import type { UploadSnapshot } from './types.js';

export type Urgency = 'now' | 'frame';

export interface UploadStore {
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
  return { uploads: state.uploads, progress: makeProgress(loaded, total, bytesPerSecond), isUploading };
}

type FrameHandle = { cancel(): void };

function requestFrame(callback: () => void): FrameHandle {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  const caf = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;
  if (typeof raf === 'function' && typeof caf === 'function') {
    const id = raf(callback);
    return { cancel: () => caf(id) };
  }
  const id = setTimeout(callback, 16);
  return { cancel: () => clearTimeout(id) };
}

function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}

export function createUploadStore(): UploadStore {
  let state = initialState;
  let snapshot = selectSnapshot(state);
  let snapshotOf = state;
  const listeners = new Set<() => void>();
  let dirty = false;
  let microtaskQueued = false;
  let frame: FrameHandle | undefined;
  let destroyed = false;

  const flush = (): void => {
    frame?.cancel();
    frame = undefined;
    microtaskQueued = false;
    if (!dirty) return;
    dirty = false;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        report(error); // a broken subscriber must not stop the others or the engine
      }
    }
  };

  const schedule = (urgency: Urgency): void => {
    if (urgency === 'now' || destroyed) {
      if (!microtaskQueued) {
        microtaskQueued = true;
        queueMicrotask(flush);
      }
    } else if (!frame && !microtaskQueued) {
      frame = requestFrame(flush);
    }
  };

  return {
    dispatch(action, urgency = 'now') {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      dirty = true;
      schedule(urgency);
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
      frame?.cancel();
      frame = undefined;
      if (dirty) schedule('now');
    },
  };
}
