import { vi } from 'vitest';
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

/**
 * `untilPhase` that also works under fake timers: changes a flush paces (a completion among them) are notified
 * once time moves on, so it moves fake time on, a frame's worth at a time, until the phase shows.
 */
export async function untilPhaseAdvancing(
  engine: UploadEngine,
  localId: string,
  phase: Upload['phase'],
): Promise<UploadSnapshot> {
  if (!vi.isFakeTimers()) return untilPhase(engine, localId, phase);
  let reached: UploadSnapshot | undefined;
  void untilPhase(engine, localId, phase).then((snapshot) => {
    reached = snapshot;
  });
  for (let frames = 0; !reached; frames += 1) {
    if (frames > 1000) throw new Error(`upload ${localId} never reached ${phase}`);
    await vi.advanceTimersByTimeAsync(16);
  }
  return reached;
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
