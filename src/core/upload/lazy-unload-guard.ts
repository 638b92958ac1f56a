/**
 * `guardUnload` as the hook installs it: loaded with the runner's chunk. Only the runner moves
 * bytes, so until it is there no upload is on its way and there is nothing to ask about.
 */
import { loadRunner } from './steps.js';
import type { UploadSnapshot } from './types.js';

/** Adds the `beforeunload` guard once its chunk is there; returns its removal, valid at once. */
export function guardUnloadLazily(getSnapshot: () => UploadSnapshot): () => void {
  let remove: (() => void) | undefined;
  let removed = false;
  loadRunner().then(
    ({ guardUnload }) => {
      if (!removed) remove = guardUnload(getSnapshot);
    },
    () => undefined, // not loaded: no upload can run either
  );
  return () => {
    removed = true;
    remove?.();
  };
}
