'use client';
/**
 * The interrupted-upload UI, loaded on first use: only an uploader with `resume` ever shows it.
 * `FileUploader` starts the load as soon as `resume` is on, alongside the engine's resume code, so
 * it is there before the first restored upload is.
 */
import { lazy } from 'react';

export const loadInterrupted = () => import('./Interrupted.js');

export const Interrupted = lazy(() =>
  loadInterrupted().then((module) => ({ default: module.Interrupted })),
);
