'use client';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilePage } from '../core/backend.js';
import { useFilesContext } from './context.js';
import { type PageStats, pageStats } from './paging.js';
import { filesListQueryOptions, normalizeListParams } from './query-options.js';

export interface UseFilesOptions {
  /** Rows per page, 1–25 (the API's maximum; larger values are clamped). @default 25 */
  limit?: number;
  /** The page to show, **1-based**. Passing it makes the hook controlled (see `onPageChange`). @default undefined */
  page?: number;
  /** First page shown when uncontrolled, 1-based. @default 1 */
  defaultPage?: number;
  /** Called by `setPage` with the new 1-based page; required to move a controlled hook. @default undefined */
  onPageChange?: (page: number) => void;
  /** Fetch the next page in the background once this one has arrived. @default true */
  prefetchNext?: boolean;
}

export type UseFilesResult = UseQueryResult<FilePage, Error> & {
  /** The current page, 1-based. */
  page: number;
  /** `undefined` until known (and on cursor backends that do not count). */
  pageCount: number | undefined;
  /** The server's count, stretched to cover the rows actually seen (the index may lag). */
  totalCount: number | undefined;
  /** Goes to a page (clamped to 1…pageCount), or computes it from the current one. */
  setPage: (page: number | ((current: number) => number)) => void;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
};

/**
 * One page of the workspace's files. The previous page stays on screen while the next loads
 * (`isPlaceholderData` tells), and the page after the current one is prefetched.
 *
 * A page with fewer rows than `limit` is the last page, whatever `totalCount` says: the list
 * comes from a search index that may lag behind writes.
 *
 * @example
 * const { data, page, pageCount, setPage, hasNextPage } = useFiles();
 * <button disabled={!hasNextPage} onClick={() => setPage((p) => p + 1)}>Next page</button>
 */
export function useFiles(options: UseFilesOptions = {}): UseFilesResult {
  const { backend, queryClient } = useFilesContext('useFiles');
  const {
    limit: rawLimit,
    page: controlled,
    defaultPage = 1,
    onPageChange,
    prefetchNext = true,
  } = options;
  const { limit } = normalizeListParams({ limit: rawLimit });
  const [uncontrolled, setUncontrolled] = useState(defaultPage);
  const page = Math.max(1, Math.floor(controlled ?? uncontrolled));
  const paging = backend.capabilities.paging;

  // Cursor backends reach page n through page n-1's nextCursor, read from the cache.
  const paramsFor = (target: number): { offset: number; limit: number; cursor?: string } | null => {
    const base = { offset: (target - 1) * limit, limit };
    if (paging === 'offset' || target === 1) return base;
    const previous = paramsFor(target - 1);
    const cursor =
      previous &&
      queryClient.getQueryData(filesListQueryOptions(backend, previous).queryKey)?.nextCursor;
    return cursor === undefined || cursor === null ? null : { ...base, cursor };
  };
  const params = paramsFor(page);

  const query = useQuery(
    {
      ...filesListQueryOptions(backend, params ?? { offset: (page - 1) * limit, limit }),
      placeholderData: keepPreviousData,
      enabled: params !== null,
    },
    queryClient,
  );

  const settled = query.isPlaceholderData ? undefined : query.data;
  const last = useRef<PageStats | undefined>(undefined);
  const stats: PageStats = settled
    ? pageStats(settled, page, limit, (page - 1) * limit, paging)
    : placeholderStats(last.current, page);
  useEffect(() => {
    if (settled) last.current = stats;
  });

  const next = stats.hasNextPage && settled ? paramsFor(page + 1) : null;
  const nextKey = next && JSON.stringify(next);
  useEffect(() => {
    if (prefetchNext && next) void queryClient.prefetchQuery(filesListQueryOptions(backend, next));
    // nextKey stands for `next`, which is a new object each render.
  }, [prefetchNext, nextKey, queryClient, backend]);

  const maxPage = stats.pageCount ?? (stats.hasNextPage ? page + 1 : page);
  const setPage = useCallback(
    (target: number | ((current: number) => number)) => {
      const wanted = typeof target === 'function' ? target(page) : target;
      const clamped = Math.min(Math.max(1, Math.floor(wanted)), Math.max(1, maxPage));
      if (clamped === page) return;
      if (controlled === undefined) setUncontrolled(clamped);
      onPageChange?.(clamped);
    },
    [page, maxPage, controlled, onPageChange],
  );

  return { ...query, page, ...stats, setPage, hasPreviousPage: page > 1 };
}

/** While another page loads, keep the counts last known so the pager does not jump. */
function placeholderStats(last: PageStats | undefined, page: number): PageStats {
  const pageCount = last?.pageCount === undefined ? undefined : Math.max(last.pageCount, page);
  return {
    pageCount,
    totalCount: last?.totalCount,
    hasNextPage: pageCount !== undefined && page < pageCount,
  };
}
