/**
 * `queryOptions` factories, so apps can prefetch, read and invalidate exactly what the hooks use.
 * Every key is scoped to the backend (`backend.scope`), see `keys.ts`.
 *
 * @example
 * await queryClient.prefetchQuery(filesListQueryOptions(client.backend, { offset: 0 }));
 * queryClient.invalidateQueries({ queryKey: filesQueryKeys.scoped(client.backend.scope).detail(id) });
 */
import type { DataTag, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { FilePage, FilesBackend, RemoteFile } from '../core/backend.js';
import { badArgument } from '../core/errors.js';
import { filesQueryKeys, type ScopedFilesQueryKeys } from './keys.js';
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

/** A download link: signed by the service (with its expiry), or an object URL of the bytes. */
export interface FileUrl {
  url: string;
  /** ISO-8601; absent where the link does not expire by itself (object URLs). */
  expiresAt?: string;
}

/** `queryOptions()` without its version-specific type: the same identity at runtime. */
function tagged<TData, TKey extends QueryKey>(
  options: UseQueryOptions<TData, Error, TData, TKey>,
): FiledockQueryOptions<TData, TKey> {
  return options as FiledockQueryOptions<TData, TKey>;
}

/** Rows per page when the app does not say; clamped to the backend's `maxPageSize`. */
export const DEFAULT_LIST_LIMIT = 25;

export interface FilesListQueryParams {
  /** Rows to skip (offset-paged backends). @default 0 */
  offset?: number;
  /**
   * Rows per page; values above the backend's `capabilities.maxPageSize` are clamped to it
   * (Lightfield 25, LlamaCloud 1000, xAI 100).
   * @default 25
   */
  limit?: number;
  /** Token of the page to fetch (cursor-paged backends). @default undefined */
  cursor?: string;
}

/** Normalised list params; throws `bad_request` for values no page could have. */
export function normalizeListParams(
  params: FilesListQueryParams = {},
  maxPageSize: number = DEFAULT_LIST_LIMIT,
): { offset: number; limit: number; cursor?: string } {
  const { offset = 0, limit = DEFAULT_LIST_LIMIT, cursor } = params;
  if (!Number.isInteger(limit) || limit < 1)
    throw badArgument(`filedock: limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0)
    throw badArgument(`filedock: offset must be a non-negative integer, got ${offset}`);
  const normal = { offset, limit: Math.min(limit, Math.max(1, maxPageSize)) };
  return cursor === undefined ? normal : { ...normal, cursor };
}

/** The keys of this backend. */
export function keysOf(backend: FilesBackend): ScopedFilesQueryKeys {
  return filesQueryKeys.scoped(backend.scope);
}

export function filesListQueryOptions(
  backend: FilesBackend,
  params?: FilesListQueryParams,
): FiledockQueryOptions<FilePage, ReturnType<ScopedFilesQueryKeys['list']>> {
  const page = normalizeListParams(params, backend.capabilities.maxPageSize);
  // Offset backends ignore cursors and cursor backends offsets: only what the backend reads is
  // sent, and only that is in the key.
  const request =
    backend.capabilities.paging === 'cursor'
      ? { limit: page.limit, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) }
      : { limit: page.limit, offset: page.offset };
  return tagged({
    queryKey: keysOf(backend).list(request),
    queryFn: ({ signal }) => backend.list(request, { signal }),
  });
}

export function fileQueryOptions(
  backend: FilesBackend,
  id: string,
): FiledockQueryOptions<RemoteFile, ReturnType<ScopedFilesQueryKeys['detail']>> {
  return tagged({
    queryKey: keysOf(backend).detail(id),
    queryFn: ({ signal }) => backend.retrieve(id, { signal }),
  });
}

/**
 * A signed download URL (backends with `capabilities.download === 'url'`), fresh until shortly
 * before `expiresAt` and refetched then, also in a background tab (a URL left to expire there
 * would be dead when the user comes back). Backends that hand out bytes instead have no URL to
 * cache: `useFileUrl` makes an object URL of the bytes, and the list's download button saves
 * them directly.
 */
export function fileUrlQueryOptions(
  backend: FilesBackend,
  id: string,
): FiledockQueryOptions<FileUrl, ReturnType<ScopedFilesQueryKeys['url']>> {
  return tagged({
    queryKey: keysOf(backend).url(id),
    queryFn: ({ signal }) => {
      if (!backend.downloadUrl) {
        throw badArgument(
          'filedock: this client has no download URLs (capabilities.download is "bytes")',
        );
      }
      return backend.downloadUrl(id, { signal });
    },
    staleTime: (query) => {
      const refreshAt = refreshTime(query.state);
      return refreshAt === undefined ? 0 : Math.max(0, refreshAt - Date.now());
    },
    refetchInterval: (query) => {
      const refreshAt = refreshTime(query.state);
      if (refreshAt === undefined) return false;
      // Overdue means the last refresh failed (a mount refetches a stale URL by itself): try
      // again each second rather than in a tight loop. 0 would switch the interval off.
      const wait = refreshAt - Date.now();
      return wait > 0 ? wait : URL_RETRY_INTERVAL_MS;
    },
    refetchIntervalInBackground: true,
  });
}

/**
 * The bytes of a file (backends with `capabilities.download === 'bytes'`). A file's content does
 * not change, so it never goes stale; it is dropped as soon as nothing shows it, so a download
 * does not keep a copy of the file in memory.
 */
export function fileContentQueryOptions(
  backend: FilesBackend,
  id: string,
): FiledockQueryOptions<Blob, ReturnType<ScopedFilesQueryKeys['content']>> {
  return tagged({
    queryKey: keysOf(backend).content(id),
    queryFn: ({ signal }) => {
      if (!backend.download) {
        throw badArgument(
          'filedock: this client has no content download (capabilities.download is "url")',
        );
      }
      return backend.download(id, { signal });
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

function refreshTime(state: { data?: FileUrl; dataUpdatedAt: number }): number | undefined {
  const expiresAt = state.data?.expiresAt;
  return expiresAt === undefined ? undefined : urlRefreshAt(expiresAt, state.dataUpdatedAt);
}
