/**
 * The runner's view of the connection: uploads pause while offline (a step waits here before it
 * runs) and go on when it is back. After `destroy` there are no events to say it is back, so it
 * counts as online for good: uploads left running must never wait forever.
 */
import { uploadCancelled } from './retry.js';
import type { Connectivity } from './types.js';

export interface OnlineGate {
  online(): boolean;
  /** Resolves once online (at once when already), rejects `aborted` with the signal. */
  wait(signal: AbortSignal): Promise<void>;
  destroy(): void;
}

/** `back` runs each time the connection returns, after the waiting steps are released. */
export function createOnlineGate(connectivity: Connectivity, back: () => void): OnlineGate {
  let online = connectivity.online;
  const waiters = new Set<() => void>();

  const wake = (): void => {
    for (const resolve of [...waiters]) resolve();
    waiters.clear();
  };

  const unsubscribe = connectivity.subscribe((value) => {
    online = value;
    if (value) {
      wake();
      back();
    }
  });

  return {
    online: () => online,
    wait(signal) {
      if (online) return Promise.resolve();
      if (signal.aborted) return Promise.reject(uploadCancelled());
      return new Promise((resolve, reject) => {
        const done = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          waiters.delete(done);
          reject(uploadCancelled());
        };
        waiters.add(done);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    destroy() {
      unsubscribe();
      online = true;
      wake();
    },
  };
}
