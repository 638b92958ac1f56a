/**
 * Query keys for everything filedock puts in the app's QueryClient. Hierarchical, TkDodo-style:
 * invalidating `filesQueryKeys.lists()` refetches every page; `filesQueryKeys.all` hits everything.
 *
 * Keys are not scoped per client: two `FilesProvider`s talking to different APIs must not share
 * one QueryClient (give each its own `queryClient`).
 */
import type { Purpose } from '../core/api/schemas.js';

/** One page of a list: offset-paged backends use `offset`, cursor-paged ones `cursor`. */
export interface FilesListKeyParams {
  offset?: number;
  limit: number;
  cursor?: string;
}

export const filesQueryKeys = {
  all: ['filedock'] as const,
  lists: () => [...filesQueryKeys.all, 'list'] as const,
  list: (params: FilesListKeyParams) => [...filesQueryKeys.lists(), params] as const,
  details: () => [...filesQueryKeys.all, 'detail'] as const,
  detail: (id: string) => [...filesQueryKeys.details(), id] as const,
  urls: () => [...filesQueryKeys.all, 'url'] as const,
  url: (id: string) => [...filesQueryKeys.urls(), id] as const,
  uploads: () => [...filesQueryKeys.all, 'upload'] as const,
  /** Mutation key of every upload started with this purpose (`'none'` when there is none). */
  upload: (purpose?: Purpose) => [...filesQueryKeys.uploads(), purpose ?? 'none'] as const,
};
