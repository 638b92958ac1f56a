import type { Upload, UploadEngine, UploadSnapshot } from '../../../src/core/upload/types.js';
import type { Connectivity } from '../../../src/core/upload/types.js';

/** Resolves with the first snapshot (current or notified) that satisfies `predicate`. */
export function until(
  engine: UploadEngine,
  predicate: (snapshot: UploadSnapshot) => boolean,
): Promise<UploadSnapshot> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const snapshot = engine.getSnapshot();
      if (!predicate(snapshot)) return false;
      resolve(snapshot);
      return true;
    };
    if (check()) return;
    const unsubscribe = engine.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}

export function uploadOf(engine: UploadEngine, localId: string): Upload {
  const upload = engine.getSnapshot().uploads.find((candidate) => candidate.localId === localId);
  if (!upload) throw new Error(`no upload ${localId}`);
  return upload;
}

export function untilPhase(
  engine: UploadEngine,
  localId: string,
  phase: Upload['phase'],
): Promise<UploadSnapshot> {
  return until(engine, (snapshot) =>
    snapshot.uploads.some((upload) => upload.localId === localId && upload.phase === phase),
  );
}

/** A switchable connection for offline tests. */
export function manualConnectivity(initial = true): Connectivity & { set(online: boolean): void } {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    get online() {
      return online;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value) {
      online = value;
      for (const listener of listeners) listener(value);
    },
  };
}

export const FAKE_MD5 = '0123456789abcdef0123456789abcdef';
export const fakeHash = async (): Promise<string> => FAKE_MD5;
