'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useReducer } from 'react';
import type { FileUrlResponse } from '../core/api/schemas.js';
import { useFilesContext } from './context.js';
import { fileUrlQueryOptions } from './query-options.js';
import { expiryTime, isUrlExpired } from './url-timing.js';

/**
 * A signed download URL for a COMPLETED file, refreshed shortly before its `expiresAt`
 * (10% of its lifetime, at most 30 s early).
 *
 * Never hands out a dead URL: once `expiresAt` has passed (say a refresh failed, or a cached
 * URL outlived its time) `data` is `undefined` and a fresh one is being fetched. With no `id`
 * nothing is fetched.
 *
 * @example
 * const { data } = useFileUrl(file.status === 'COMPLETED' ? file.id : undefined);
 * <a href={data?.url} aria-disabled={!data}>Download</a>
 */
export function useFileUrl(id: string | undefined | null): UseQueryResult<FileUrlResponse, Error> {
  const { backend, queryClient } = useFilesContext('useFileUrl');
  const query = useQuery(
    { ...fileUrlQueryOptions(backend, id ?? ''), enabled: Boolean(id) },
    queryClient,
  );
  // Re-render at the moment of expiry so the check below runs even if no refresh arrived; the
  // query's own refetchInterval keeps trying to fetch a fresh URL meanwhile.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const expiresAt = query.data?.expiresAt;
  const expired = expiresAt !== undefined && isUrlExpired(expiresAt, Date.now());

  useEffect(() => {
    if (expiresAt === undefined) return;
    const expiry = expiryTime(expiresAt);
    if (expiry === undefined) return;
    const wait = expiry - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(rerender, wait);
    return () => clearTimeout(timer);
  }, [expiresAt]);

  return expired
    ? ({ ...query, data: undefined } as UseQueryResult<FileUrlResponse, Error>)
    : query;
}
