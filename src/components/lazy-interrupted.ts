'use client';
/**
 * The interrupted-upload UI, loaded on first use: only an uploader with `resume` ever shows it.
 * `FileUploader` starts the load as soon as `resume` is on, alongside the engine's resume code, so
 * it is there before the first restored upload is.
 */
import { type ComponentType, createElement, lazy } from 'react';
import type { InterruptedProps } from './Interrupted.js';

type Note = ComponentType<InterruptedProps>;

/** The UI once its chunk is here: from then on a row renders it without suspending. */
let loaded: Note | undefined;

/**
 * Never rejects: a chunk that cannot be fetched leaves the item without its resume note and
 * buttons (its remove button is the item's own) rather than throwing into the app's error
 * boundary, and the prefetch leaves no unhandled rejection.
 */
export const loadInterrupted = (): Promise<{ default: Note }> =>
  import('./Interrupted.js').then(
    (module) => {
      loaded = module.Interrupted;
      return { default: loaded };
    },
    () => ({ default: () => null }),
  );

const LazyInterrupted = lazy(loadInterrupted);

/**
 * The UI, suspending only while its chunk is on its way. `lazy` alone suspends on its first render
 * even when the chunk came long before (its promise settles a microtask later), and React then
 * holds the revealed note back to pace fallbacks.
 */
export function Interrupted(props: InterruptedProps) {
  return createElement(loaded ?? LazyInterrupted, props);
}
