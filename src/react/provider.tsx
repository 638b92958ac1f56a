'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useMemo, useRef, type ReactNode } from 'react';
import { defaultPurposeRules, type PurposeRules } from '../core/rules/purposes.js';
import { mergeRules } from './provider-rules.js';
import { FilesContext, type FilesClientLike, type FilesContextValue } from './context.js';

export interface FilesProviderProps {
  /**
   * Talks to the Files API: `createLightfieldClient(…)`, `createLlamaCloudClient(…)`,
   * `createXaiClient(…)`, or any object with a `backend`. Its cache entries are keyed by
   * `client.backend.scope`, so providers of different clients never share them.
   * @example <FilesProvider client={createLightfieldClient({ baseURL: '/api/files' })}>
   */
  client: FilesClientLike;
  /**
   * Per-purpose rules replacing the client's for the purposes given; the others keep theirs.
   * @default the client's `rules` (`defaultPurposeRules` for a client without its own)
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

  const base = client.rules ?? defaultPurposeRules;
  const merged = useMemo(() => (rules ? mergeRules(base, rules) : base), [base, rules]);
  const { backend } = client;
  const value = useMemo<FilesContextValue>(
    () => ({ backend, rules: merged, queryClient: active, labels }),
    [backend, merged, active, labels],
  );

  const content = <FilesContext.Provider value={value}>{children}</FilesContext.Provider>;
  return active === outer ? (
    content
  ) : (
    <QueryClientProvider client={active}>{content}</QueryClientProvider>
  );
}
