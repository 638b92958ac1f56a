'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useMemo, useRef, type ReactNode } from 'react';
import { defaultPurposeRules, type PurposeRules } from '../core/rules/purposes.js';
import { FilesContext, type FilesClientLike, type FilesContextValue } from './context.js';

export interface FilesProviderProps {
  /**
   * Talks to the Files API: `createLightfieldClient(…)`, or any object with a `backend`.
   * @example <FilesProvider client={createLightfieldClient({ baseURL: '/api/files' })}>
   */
  client: FilesClientLike;
  /**
   * Per-purpose rules replacing the defaults for the purposes given; the others keep theirs.
   * @default defaultPurposeRules
   */
  rules?: Partial<PurposeRules>;
  /**
   * The QueryClient filedock caches lists, files and URLs in, and registers uploads with.
   * @default the QueryClient of the nearest QueryClientProvider, else one made for this provider
   */
  queryClient?: QueryClient;
  /** Replaces the components' visible strings (i18n). @default undefined (English) */
  labels?: object;
  children?: ReactNode;
}

/**
 * Makes a Files API client available to filedock's hooks and components.
 *
 * The QueryClient is the `queryClient` prop, else the app's (from a QueryClientProvider above),
 * else one this provider makes once and keeps for its lifetime.
 */
export function FilesProvider({
  client,
  rules,
  queryClient,
  labels,
  children,
}: FilesProviderProps) {
  const outer = useContext(QueryClientContext);
  // Made lazily, once, and only when nothing else is given (React's lazy-ref pattern; a
  // QueryClient does nothing until QueryClientProvider mounts it).
  const own = useRef<QueryClient | null>(null);
  if (!queryClient && !outer && own.current === null) own.current = new QueryClient();
  const active = queryClient ?? outer ?? (own.current as QueryClient);

  const merged = useMemo(() => ({ ...defaultPurposeRules, ...rules }), [rules]);
  const value = useMemo<FilesContextValue>(
    () => ({ client, backend: client.backend, rules: merged, queryClient: active, labels }),
    [client, merged, active, labels],
  );

  const content = <FilesContext.Provider value={value}>{children}</FilesContext.Provider>;
  return active === outer ? (
    content
  ) : (
    <QueryClientProvider client={active}>{content}</QueryClientProvider>
  );
}
