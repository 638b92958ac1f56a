'use client';
/**
 * The labels a component renders with: the defaults, then the provider's, then the component's.
 * Reads the provider's context without requiring it, so `StatusBadge` and `ProgressBar` also work
 * in custom UIs outside `<FilesProvider>`.
 */
import { useContext, useMemo } from 'react';
import { FilesContext } from '../react/context.js';
import { formattersFor, type Formatters } from './format.js';
import { mergeLabels, type FiledockLabels, type FiledockLabelsInput } from './labels.js';

export interface ResolvedLabels {
  labels: FiledockLabels;
  format: Formatters;
}

export function useLabels(local: FiledockLabelsInput | undefined): ResolvedLabels {
  const fromProvider = useContext(FilesContext)?.labels as FiledockLabelsInput | undefined;
  return useMemo(() => {
    const labels = mergeLabels(fromProvider, local);
    return { labels, format: formattersFor(labels) };
  }, [fromProvider, local]);
}
