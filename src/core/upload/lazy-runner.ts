/**
 * The runner (runner.ts) is a chunk of its own: the engine is made when an uploader mounts, the
 * runner is needed at the first file added, and a browser fetches it in between (steps.ts).
 * Until it is there (with what the engine's `loadWithRunner` loads), accepted files wait here.
 * Nothing of theirs runs yet, so the engine's record of them is all there is: a cancel or remove
 * just forgets them. If the chunk cannot load, they fail with the load's `network` error, and a
 * Retry loads again.
 */
import { toErrorInfo, type ErrorInfo } from '../errors.js';
import type { Accepted, Runner, RunnerHost } from './runner-types.js';
import { loadRunner } from './steps.js';

export interface LazyRunner {
  /** The runner once loaded; `undefined` before, when nothing runs. */
  readonly current: Runner | undefined;
  /** Hands accepted files to the runner, loading it first if need be. */
  take(accepted: readonly Accepted[]): void;
  /** Loads the runner now (resume restores at once), or again after a failed load. */
  load(): void;
  /** Whether the file waits for the runner (held, or failed because it did not load). */
  holds(localId: string): boolean;
  /** Forgets a file the runner never got; false when it is not held here. */
  forget(localId: string): boolean;
  /** Destroys the runner now, or once it is there: held files still run. */
  destroy(): void;
}

export function lazyRunner(
  host: RunnerHost,
  failed: (localId: string, error: ErrorInfo) => void,
): LazyRunner {
  let runner: Runner | undefined;
  let loading = false;
  let destroyed = false;
  const held = new Map<string, Accepted>();

  const load = (): void => {
    if (runner || loading) return;
    loading = true;
    // Async, so a `loadWithRunner` that throws fails the held files instead of the caller's `add`.
    Promise.all([loadRunner(), (async () => host.options().loadWithRunner?.())()])
      .then(([{ createRunner }]) => {
        runner = createRunner(host);
        const taken = [...held.values()];
        held.clear();
        runner.take(taken);
        if (destroyed) runner.destroy();
      })
      .catch((error: unknown) => {
        // The chunk did not load (or the runner could not be made): the held files fail with
        // it, rather than wait queued forever or leave an unhandled rejection.
        loading = false;
        const info = toErrorInfo(error);
        for (const localId of held.keys()) failed(localId, info);
      });
  };

  return {
    get current() {
      return runner;
    },
    take(accepted) {
      if (runner) return runner.take(accepted);
      for (const file of accepted) held.set(file.localId, file);
      load();
    },
    load,
    holds: (localId) => held.has(localId),
    forget: (localId) => held.delete(localId),
    destroy() {
      destroyed = true;
      runner?.destroy();
    },
  };
}
