'use client';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useInsertionEffect, useRef, useState } from 'react';
import type { FilePage } from '../core/backend.js';
import { useFilesContext } from './context.js';
import { cursorFor, emptyTrail, reachable, recordPage } from './cursor-trail.js';
import { type PageStats, pageStats } from './paging.js';
import {
  type FilesListQueryParams,
  filesListQueryOptions,
  normalizeListParams,
} from './query-options.js';

export interface UseFilesOptions {
  /**
   * Rows per page; larger values are clamped to the client's `capabilities.maxPageSize`
   * (Lightfield 25, LlamaCloud 1000, xAI 100).
   * @default 25
   */
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
 * One page of the files. The previous page stays on screen while the next loads
 * (`isPlaceholderData` tells), and the page after the current one is prefetched.
 *
 * Offset-paged clients (Lightfield) fetch any page directly. Cursor-paged ones (LlamaCloud, xAI)
 * reach page n with the token page n-1 reported; the hook keeps those tokens for as long as it is
 * mounted, so Previous and Next work however long a page stays on screen (the cache may have
 * dropped the pages in between). A page not reached yet (a controlled jump, `defaultPage`) is
 * walked to page by page; past the last page, the hook moves to the last one.
 *
 * A page with fewer rows than `limit` is the last page, whatever `totalCount` says: a list may
 * come from a search index that lags behind writes.
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
  const { scope, capabilities } = backend;
  const { limit } = normalizeListParams({ limit: rawLimit }, capabilities.maxPageSize);
  const paging = capabilities.paging;

  // The uncontrolled page belongs to one client: another client starts at `defaultPage` again.
  const [own, setOwn] = useState({ scope, page: defaultPage });
  if (own.scope !== scope) setOwn({ scope, page: defaultPage });
  const uncontrolled = own.scope === scope ? own.page : defaultPage;
  const page = Math.max(1, Math.floor(controlled ?? uncontrolled));

  const trailKey = `${scope}\u0000${limit}`;
  const [stored, setTrail] = useState(() => emptyTrail(trailKey));
  let trail = stored.key === trailKey ? stored : emptyTrail(trailKey);

  const cursor = paging === 'cursor' ? cursorFor(trail, page) : undefined;
  const params: FilesListQueryParams | null =
    paging === 'offset'
      ? { offset: (page - 1) * limit, limit }
      : cursor === null
        ? null
        : { limit, ...(cursor === undefined ? {} : { cursor }) };

  const query = useQuery(
    {
      ...filesListQueryOptions(backend, params ?? { limit }),
      // The previous page stays while the next loads, but never another client's rows.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[1] === scope ? keepPreviousData(previous) : undefined,
      enabled: params !== null,
    },
    queryClient,
  );
  const settled = query.isPlaceholderData || params === null ? undefined : query.data;

  // The token this page reported is recorded during render (React's "state from the previous
  // render" pattern), so the pager is right in the same commit.
  if (paging === 'cursor' && settled) trail = recordPage(trail, page, settled.nextCursor);
  if (trail !== stored) setTrail(trail);

  const last = useRef<PageStats | undefined>(undefined);
  const stats: PageStats = settled
    ? pageStats(settled, page, limit, (page - 1) * limit, paging)
    : placeholderStats(last.current, page);
  useEffect(() => {
    if (settled) last.current = stats;
  });

  // Read by effects and callbacks without restarting them when the app passes a new function.
  const onPageChangeRef = useRef(onPageChange);
  useInsertionEffect(() => {
    onPageChangeRef.current = onPageChange;
  });
  const isControlled = controlled !== undefined;
  const move = useCallback(
    (target: number) => {
      if (!isControlled) setOwn({ scope, page: target });
      onPageChangeRef.current?.(target);
    },
    [isControlled, scope],
  );

  // A cursor page not reached yet: fetch the pages before it, one at a time, for their tokens.
  const walkFrom = paging === 'cursor' && params === null ? reachable(trail) : undefined;
  const walkCursor = walkFrom === undefined ? undefined : cursorFor(trail, walkFrom);
  const lastPage = trail.last;
  useEffect(() => {
    if (walkFrom === undefined || walkCursor === null) return;
    if (lastPage !== undefined) {
      move(lastPage);
      return;
    }
    let cancelled = false;
    const from = { limit, ...(walkCursor === undefined ? {} : { cursor: walkCursor }) };
    queryClient.ensureQueryData(filesListQueryOptions(backend, from)).then(
      (data) => {
        if (cancelled) return;
        setTrail((t) =>
          recordPage(t.key === trailKey ? t : emptyTrail(trailKey), walkFrom, data.nextCursor),
        );
      },
      () => {
        // The walk failed: show the last page it reached, with its own error and retry.
        if (!cancelled) move(walkFrom);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [walkFrom, walkCursor, lastPage, limit, trailKey, queryClient, backend, move]);

  const nextPage = stats.hasNextPage && settled ? page + 1 : undefined;
  const nextCursor = settled?.nextCursor;
  useEffect(() => {
    if (!prefetchNext || nextPage === undefined) return;
    const next =
      paging === 'offset'
        ? { offset: (nextPage - 1) * limit, limit }
        : nextCursor === undefined
          ? undefined
          : { limit, cursor: nextCursor };
    if (next) void queryClient.prefetchQuery(filesListQueryOptions(backend, next));
  }, [prefetchNext, nextPage, nextCursor, paging, limit, queryClient, backend]);

  const maxPage = stats.pageCount ?? (stats.hasNextPage ? page + 1 : page);
  const setPage = useCallback(
    (target: number | ((current: number) => number)) => {
      const wanted = typeof target === 'function' ? target(page) : target;
      const clamped = Math.min(Math.max(1, Math.floor(wanted)), Math.max(1, maxPage));
      if (clamped !== page) move(clamped);
    },
    [page, maxPage, move],
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
