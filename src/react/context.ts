'use client';
/**
 * What `FilesProvider` hands down: the backend, the merged rule table, the QueryClient filedock
 * writes into, and the components' labels (an opaque slot here; the components type it). Hooks
 * ask `backend.capabilities`, never which service it is.
 */
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { FilesBackend } from '../core/backend.js';
import type { PurposeRules } from '../core/rules/purposes.js';

/**
 * Anything with a `backend`: `createLightfieldClient`, `createLlamaCloudClient`,
 * `createXaiClient`, or the in-memory client for stories and tests.
 */
export interface FilesClientLike {
  readonly backend: FilesBackend;
  /** The service's own purpose rules; the provider's `rules` go over them. @default defaultPurposeRules */
  readonly rules?: Readonly<PurposeRules>;
}

export interface FilesContextValue {
  backend: FilesBackend;
  rules: Readonly<PurposeRules>;
  queryClient: QueryClient;
  labels: object | undefined;
}

export const FilesContext = createContext<FilesContextValue | null>(null);

/**
 * The provider's value; throws a clear error when `hookName` runs outside `<FilesProvider>`,
 * instead of failing later on an `undefined` backend.
 */
export function useFilesContext(hookName: string): FilesContextValue {
  const value = useContext(FilesContext);
  if (value === null) {
    throw new Error(
      `filedock: ${hookName} must be used inside <FilesProvider>. Wrap your app (or this part of it) in <FilesProvider client={client}>.`,
    );
  }
  return value;
}
