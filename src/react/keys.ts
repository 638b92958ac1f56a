/**
 * Query keys for everything filedock puts in the app's QueryClient. Hierarchical, TkDodo-style,
 * and scoped per client: every key starts `['filedock', backend.scope, …]`, so two providers
 * talking to different services (or to one service at two addresses) share one QueryClient
 * without ever reading each other's entries.
 *
 * Apps get the keys of their client with `filesQueryKeys.scoped(client.backend.scope)`, or inside
 * a `<FilesProvider>` with `useFilesQueryKeys()`:
 *
 * @example
 * const keys = filesQueryKeys.scoped(client.backend.scope);
 * queryClient.invalidateQueries({ queryKey: keys.lists() }); // every page of this client's list
 * queryClient.invalidateQueries({ queryKey: filesQueryKeys.all }); // everything of every client
 */
import { useMemo } from 'react';
import { useFilesContext } from './context.js';

/** One page of a list: offset-paged backends use `offset`, cursor-paged ones `cursor`. */
export interface FilesListKeyParams {
  offset?: number;
  limit: number;
  cursor?: string;
}

/** The keys of one client (one `backend.scope`). */
export interface ScopedFilesQueryKeys {
  /** Every entry of this client. */
  all: readonly ['filedock', string];
  lists(): readonly ['filedock', string, 'list'];
  list(params: FilesListKeyParams): readonly ['filedock', string, 'list', FilesListKeyParams];
  details(): readonly ['filedock', string, 'detail'];
  detail(id: string): readonly ['filedock', string, 'detail', string];
  /** Signed download URLs (`capabilities.download === 'url'`). */
  urls(): readonly ['filedock', string, 'url'];
  url(id: string): readonly ['filedock', string, 'url', string];
  /** File contents (`capabilities.download === 'bytes'`), held only while shown. */
  contents(): readonly ['filedock', string, 'content'];
  content(id: string): readonly ['filedock', string, 'content', string];
  /** Mutation keys of uploads. */
  uploads(): readonly ['filedock', string, 'upload'];
  /** Mutation key of every upload started with this purpose (`'none'` when there is none). */
  upload(purpose?: string): readonly ['filedock', string, 'upload', string];
  /** Mutation key of `useDeleteFile`. */
  deletes(): readonly ['filedock', string, 'delete'];
}

const cache = new Map<string, ScopedFilesQueryKeys>();

function scoped(scope: string): ScopedFilesQueryKeys {
  const hit = cache.get(scope);
  if (hit) return hit;
  const all = ['filedock', scope] as const;
  const keys: ScopedFilesQueryKeys = {
    all,
    lists: () => [...all, 'list'] as const,
    list: (params) => [...all, 'list', params] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id) => [...all, 'detail', id] as const,
    urls: () => [...all, 'url'] as const,
    url: (id) => [...all, 'url', id] as const,
    contents: () => [...all, 'content'] as const,
    content: (id) => [...all, 'content', id] as const,
    uploads: () => [...all, 'upload'] as const,
    upload: (purpose) => [...all, 'upload', purpose ?? 'none'] as const,
    deletes: () => [...all, 'delete'] as const,
  };
  cache.set(scope, keys);
  return keys;
}

export const filesQueryKeys = {
  /** Every entry filedock made, of every client. */
  all: ['filedock'] as const,
  /** The keys of the client whose `backend.scope` this is. */
  scoped,
};

/** The keys of the provider's client, for invalidating or reading what the hooks cached. */
export function useFilesQueryKeys(): ScopedFilesQueryKeys {
  const { backend } = useFilesContext('useFilesQueryKeys');
  return useMemo(() => filesQueryKeys.scoped(backend.scope), [backend.scope]);
}
