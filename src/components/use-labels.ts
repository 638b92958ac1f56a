'use client';
/**
 * The labels a component renders with: the defaults, then the provider's, then the component's.
 * Reads the provider's context without requiring it, so `StatusBadge` and `ProgressBar` also work
 * in custom UIs outside `<FilesProvider>`.
 */
import { useContext, useMemo } from 'react';
import { FilesContext } from '../react/context.js';
import { formattersFor, type Formatters } from './format.js';
import type { FiledockLabelsInput, ShownLabels } from './labels.js';
import { shownLabels } from './english.js';

export interface ResolvedLabels {
  labels: ShownLabels;
  format: Formatters;
}

export function useLabels(local: FiledockLabelsInput | undefined): ResolvedLabels {
  const fromProvider = useContext(FilesContext)?.labels as FiledockLabelsInput | undefined;
  return useMemo(() => {
    const labels = shownLabels(fromProvider, local);
    return { labels, format: formattersFor(labels) };
  }, [fromProvider, local]);
}
