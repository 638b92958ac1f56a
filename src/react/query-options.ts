/**
 * `queryOptions` factories, so apps can prefetch, read and invalidate exactly what the hooks use:
 *
 * @example
 * await queryClient.prefetchQuery(filesListQueryOptions(client.backend, { offset: 0 }));
 * queryClient.invalidateQueries({ queryKey: filesQueryKeys.detail(id) });
 */
import type { DataTag, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { MAX_LIST_LIMIT } from '../core/api/constants.js';
import type { FileObject, FileUrlResponse } from '../core/api/schemas.js';
import type { FilePage, FilesBackend } from '../core/backend.js';
import { FiledockError } from '../core/errors.js';
import { filesQueryKeys } from './keys.js';
import { URL_RETRY_INTERVAL_MS, urlRefreshAt } from './url-timing.js';

/**
 * What the factories return: `useQuery` options whose `queryKey` carries the data type, so
 * `queryClient.getQueryData(options.queryKey)` is typed. Written with types every
 * @tanstack/react-query 5.x exports: the type `queryOptions()` infers refers to helpers
 * (`OmitKeyof`, `QueryKeyWithDataTag`) that only recent 5.x releases have, so the published
 * declarations failed to compile for apps on an older 5.x that the peer range allows.
 */
export type FiledockQueryOptions<TData, TKey extends QueryKey> = UseQueryOptions<
  TData,
  Error,
  TData,
  TKey
> & {
  queryKey: DataTag<TKey, TData>;
};

/** `queryOptions()` without its version-specific type: the same identity at runtime. */
function tagged<TData, TKey extends QueryKey>(
  options: UseQueryOptions<TData, Error, TData, TKey>,
): FiledockQueryOptions<TData, TKey> {
  return options as FiledockQueryOptions<TData, TKey>;
}

export interface FilesListQueryParams {
  /** Rows to skip (offset-paged backends). @default 0 */
  offset?: number;
  /** Rows per page, 1–25; larger values are clamped to 25, the API's maximum. @default 25 */
  limit?: number;
  /** Token of the page to fetch (cursor-paged backends). @default undefined */
  cursor?: string;
}

/** Normalised list params; throws `bad_request` for values no page could have. */
export function normalizeListParams(params: FilesListQueryParams = {}): {
  offset: number;
  limit: number;
  cursor?: string;
} {
  const { offset = 0, limit = MAX_LIST_LIMIT, cursor } = params;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new FiledockError({
      code: 'bad_request',
      message: `filedock: limit must be a positive integer, got ${limit}`,
    });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new FiledockError({
      code: 'bad_request',
      message: `filedock: offset must be a non-negative integer, got ${offset}`,
    });
  }
  const normal = { offset, limit: Math.min(limit, MAX_LIST_LIMIT) };
  return cursor === undefined ? normal : { ...normal, cursor };
}

export function filesListQueryOptions(
  backend: FilesBackend,
  params?: FilesListQueryParams,
): FiledockQueryOptions<FilePage, ReturnType<typeof filesQueryKeys.list>> {
  const page = normalizeListParams(params);
  return tagged({
    queryKey: filesQueryKeys.list(page),
    queryFn: ({ signal }) => backend.list(page, { signal }),
  });
}

export function fileQueryOptions(
  backend: FilesBackend,
  id: string,
): FiledockQueryOptions<FileObject, ReturnType<typeof filesQueryKeys.detail>> {
  return tagged({
    queryKey: filesQueryKeys.detail(id),
    queryFn: ({ signal }) => backend.retrieve(id, { signal }),
  });
}

/**
 * A signed download URL, fresh until shortly before `expiresAt` and refetched then, also in a
 * background tab (a URL left to expire there would be dead when the user comes back).
 */
export function fileUrlQueryOptions(
  backend: FilesBackend,
  id: string,
): FiledockQueryOptions<FileUrlResponse, ReturnType<typeof filesQueryKeys.url>> {
  return tagged({
    queryKey: filesQueryKeys.url(id),
    queryFn: ({ signal }) => backend.url(id, { signal }),
    staleTime: (query) => {
      const { data, dataUpdatedAt } = query.state;
      const refreshAt = data && urlRefreshAt(data.expiresAt, dataUpdatedAt);
      return refreshAt === undefined ? 0 : Math.max(0, refreshAt - Date.now());
    },
    refetchInterval: (query) => {
      const { data, dataUpdatedAt } = query.state;
      const refreshAt = data && urlRefreshAt(data.expiresAt, dataUpdatedAt);
      if (refreshAt === undefined) return false;
      // Overdue means the last refresh failed (a mount refetches a stale URL by itself): try
      // again each second rather than in a tight loop. 0 would switch the interval off.
      const wait = refreshAt - Date.now();
      return wait > 0 ? wait : URL_RETRY_INTERVAL_MS;
    },
    refetchIntervalInBackground: true,
  });
}
