/**
 * Abortable waiting for the in-memory client. Plain `setTimeout`, so vitest's fake timers drive it,
 * and every wait rejects with code `aborted` the moment its signal aborts (no dangling timers).
 */
import { abortedError as abortError, sleep } from '../core/http/abort.js';

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Resolves after `ms` (a microtask when `ms` is 0, so zero latency stays synchronous-ish). */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  if (ms <= 0) return Promise.resolve();
  return sleep(ms, signal);
}

/**
 * A set of waiters released together: how a paused upload holds until the story or test lets it go.
 * `wait` with a `when` predicate returns at once if the condition already holds.
 */
export class Gate {
  #waiters = new Set<() => void>();

  wait(isOpen: () => boolean, signal: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal);
    if (isOpen()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!isOpen()) return;
        this.#waiters.delete(check);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.#waiters.delete(check);
        reject(abortError());
      };
      this.#waiters.add(check);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Re-check every waiter (after the condition may have changed). */
  poke(): void {
    for (const check of [...this.#waiters]) check();
  }
}
