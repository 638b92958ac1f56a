'use client';
/**
 * The interrupted-upload UI, loaded on first use: only an uploader with `resume` ever shows it.
 * `FileUploader` starts the load as soon as `resume` is on, alongside the engine's resume code, so
 * it is there before the first restored upload is.
 */
import { keptLazy } from './kept-lazy.js';
import type { InterruptedProps } from './Interrupted.js';

/**
 * Never rejects: a chunk that cannot be fetched leaves the item without its resume note and
 * buttons (its remove button is the item's own) rather than throwing into the app's error
 * boundary, and the prefetch leaves no unhandled rejection.
 */
const note = keptLazy<InterruptedProps>(() =>
  import('./Interrupted.js').then(
    (module) => ({ default: module.Interrupted }),
    () => ({ default: () => null, kept: false }),
  ),
);

export const loadInterrupted = note.load;
export const Interrupted = note.Component;
