/**
 * Page arithmetic for `useFiles`, kept pure so it is tested without React.
 *
 * The list comes from a search index that may lag behind writes (API contract §1), so
 * `totalCount` is a hint, not a fact: a page with fewer rows than `limit` is the last page
 * whatever the count says, and the counts shown are stretched to cover what was actually seen.
 */
import type { FilePage } from '../core/backend.js';

export interface PageStats {
  /** Known pages; `undefined` while unknown (no data yet, or a cursor backend that does not count). */
  pageCount: number | undefined;
  totalCount: number | undefined;
  hasNextPage: boolean;
}

/** `page` is 1-based; `offset` the first row's index. */
export function pageStats(
  data: FilePage,
  page: number,
  limit: number,
  offset: number,
  paging: 'offset' | 'cursor',
): PageStats {
  const rows = data.data.length;
  const seen = offset + rows;
  const full = rows >= limit;
  const hasNextPage =
    paging === 'cursor'
      ? data.nextCursor !== undefined && rows > 0
      : full && (data.totalCount === undefined || data.totalCount > seen);

  if (!hasNextPage)
    return { pageCount: rows === 0 && page > 1 ? page - 1 : page, totalCount: seen, hasNextPage };
  if (data.totalCount === undefined)
    return { pageCount: undefined, totalCount: undefined, hasNextPage };
  const totalCount = Math.max(data.totalCount, seen + 1);
  return { pageCount: Math.max(Math.ceil(totalCount / limit), page + 1), totalCount, hasNextPage };
}
