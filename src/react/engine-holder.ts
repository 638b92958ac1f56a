/**
 * Holds one upload engine for one `useFileUpload` call, made on first use instead of in render.
 *
 * Why: React may render twice and throw one render away (StrictMode, concurrent rendering), and
 * StrictMode runs effects mount → unmount → mount. Creating the engine on first subscribe or
 * first command means a thrown-away render makes nothing, and the StrictMode remount finds the
 * same engine with its uploads. The engine is destroyed a microtask after its last listener
 * leaves: StrictMode's re-subscribe happens synchronously before that, a real unmount does not.
 *
 * Destroying only stops the engine's online/offline listening and frame timer: uploads in flight
 * finish (settling their mutations, writing the cache), and commands still reach them, so a
 * `cancel(localId)` kept by the app works after unmount. A holder subscribed again after that
 * (a hidden `<Activity>` shown again) keeps the same engine and its uploads; it then no longer
 * pauses while offline, which is the lesser loss.
 */
import type { UploadEngine, UploadSnapshot } from '../core/upload/types.js';

export interface EngineHolder {
  subscribe(listener: () => void): () => void;
  getSnapshot(): UploadSnapshot;
  /** The engine, made now if needed. */
  engine(): UploadEngine;
}

const EMPTY_SNAPSHOT: UploadSnapshot = Object.freeze({
  uploads: Object.freeze([]),
  progress: Object.freeze({
    loaded: 0,
    total: 0,
    percent: 0,
    bytesPerSecond: 0,
    etaSeconds: undefined,
  }),
  isUploading: false,
});

export function createEngineHolder(create: () => UploadEngine): EngineHolder {
  let current: UploadEngine | undefined;
  let listeners = 0;
  let destroyed = false;

  const engine = (): UploadEngine => (current ??= create());

  return {
    engine,
    getSnapshot: () => current?.getSnapshot() ?? EMPTY_SNAPSHOT,
    subscribe(listener) {
      const subscribed = engine();
      listeners += 1;
      const unsubscribe = subscribed.subscribe(listener);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        unsubscribe();
        listeners -= 1;
        queueMicrotask(() => {
          if (listeners > 0 || destroyed) return;
          destroyed = true;
          subscribed.destroy();
        });
      };
    },
  };
}
