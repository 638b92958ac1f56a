'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RemoteFile } from '../core/backend.js';
import { useFilesContext } from './context.js';
import { fileQueryOptions } from './query-options.js';

/**
 * One file by id (Retrieve: unlike a list, it is never behind writes). Uploads completed by
 * `useFileUpload` are written into this cache, so a just-finished file shows without a request.
 * With no `id` nothing is fetched.
 *
 * @example
 * const { data: file } = useFile(id);
 */
export function useFile(id: string | undefined | null): UseQueryResult<RemoteFile, Error> {
  const { backend, queryClient } = useFilesContext('useFile');
  return useQuery({ ...fileQueryOptions(backend, id ?? ''), enabled: Boolean(id) }, queryClient);
}
