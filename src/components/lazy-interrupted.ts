'use client';
/**
 * The interrupted-upload UI, loaded on first use: only an uploader with `resume` ever shows it.
 * `FileUploader` starts the load as soon as `resume` is on, alongside the engine's resume code, so
 * it is there before the first restored upload is.
 */
import { type ComponentType, lazy } from 'react';
import type { InterruptedProps } from './Interrupted.js';

/**
 * Never rejects: a chunk that cannot be fetched leaves the item without its resume note and
 * buttons (its remove button is the item's own) rather than throwing into the app's error
 * boundary, and the prefetch leaves no unhandled rejection.
 */
export const loadInterrupted = (): Promise<{ default: ComponentType<InterruptedProps> }> =>
  import('./Interrupted.js').then(
    (module) => ({ default: module.Interrupted }),
    () => ({ default: () => null }),
  );

export const Interrupted = lazy(loadInterrupted);
