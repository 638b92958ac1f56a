'use client';
import { useCallback } from 'react';
import type { ErrorInfo } from '../core/errors.js';
import type { FiledockLabelsInput } from './labels.js';
import { errorText } from './english.js';
import { useLabels } from './use-labels.js';

/**
 * The text the components would show for an error: `labels.errors` by code (the provider's, then
 * `local`), else the error's own message. For UIs built on the hooks alone, so they translate
 * errors with the same table as the components.
 *
 * @example
 * const text = useErrorText();
 * {upload.error && <span role="alert">{text(upload.error)}</span>}
 */
export function useErrorText(local?: FiledockLabelsInput): (error: ErrorInfo) => string {
  const { labels } = useLabels(local);
  return useCallback((error: ErrorInfo) => errorText(labels, error), [labels]);
}
