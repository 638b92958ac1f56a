/**
 * One tab resumes a given upload; the others show it as in progress elsewhere.
 *
 * Web Locks decide who resumes: the tab that holds `filedock-resume:<key>` owns the upload until
 * it settles or the tab goes away (the browser releases a closed tab's locks, so an upload whose
 * tab died can be claimed by the next one, with no stale "owner" record to clean up). A
 * BroadcastChannel carries the owner's progress to the other tabs, for display only. Where either
 * API is missing, this tab acts alone: the lesser loss is a second tab resuming too, and the
 * server still refuses to complete a session twice.
 */

export interface ResumeClaim {
  /** Lets another tab claim the upload (call when it settled, or is given up); resolves once it can. */
  release(): Promise<void>;
}

/** What an owner tab tells the others about an upload. */
export type RemoteProgress =
  | { type: 'progress'; key: string; phase: string; percent: number }
  | { type: 'settled'; key: string; phase: string };

export interface ResumeCoordinator {
  /** Claims the upload if no other tab holds it; `undefined` when another tab does. */
  tryClaim(key: string): Promise<ResumeClaim | undefined>;
  /** Resolves with the claim once every other tab has let go (aborts with `signal`). */
  waitClaim(key: string, signal: AbortSignal): Promise<ResumeClaim | undefined>;
  announce(message: RemoteProgress): void;
  /** Messages from other tabs; returns the unsubscribe function. */
  subscribe(listener: (message: RemoteProgress) => void): () => void;
  close(): void;
}

const LOCK_PREFIX = 'filedock-resume:';

interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<void>;
}

function locksOf(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

const alone: ResumeClaim = { release: () => Promise.resolve() };

/** Holds the lock until `release`; resolves the claim, or `undefined` if not granted. */
function hold(
  locks: Locks,
  key: string,
  options: { ifAvailable?: boolean; signal?: AbortSignal },
): Promise<ResumeClaim | undefined> {
  return new Promise((resolve) => {
    const held: Promise<void> = locks
      .request(LOCK_PREFIX + key, options, (lock) => {
        if (!lock) {
          resolve(undefined);
          return undefined;
        }
        return new Promise<void>((release) =>
          resolve({
            release: () => {
              release();
              return held; // settles once the lock manager has let go
            },
          }),
        );
      })
      .catch(() => resolve(undefined)); // aborted while waiting
  });
}

export function createResumeCoordinator(channelName: string): ResumeCoordinator {
  const locks = locksOf();
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;
  const listeners = new Set<(message: RemoteProgress) => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent<RemoteProgress>) => {
      const message = event.data;
      if (!message || typeof message.key !== 'string') return;
      for (const listener of listeners) listener(message);
    };
  }
  return {
    tryClaim: (key) => (locks ? hold(locks, key, { ifAvailable: true }) : Promise.resolve(alone)),
    waitClaim: (key, signal) =>
      locks ? hold(locks, key, { signal }) : Promise.resolve(signal.aborted ? undefined : alone),
    announce(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // a closed channel: nobody to tell
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
