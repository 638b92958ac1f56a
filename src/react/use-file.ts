'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { FileObject } from '../core/api/schemas.js';
import { useFilesContext } from './context.js';
import { fileQueryOptions } from './query-options.js';

/**
 * One file by id (Retrieve: unlike the list, it is never behind writes). Uploads completed by
 * `useFileUpload` are written into this cache, so a just-finished file shows without a request.
 * With no `id` nothing is fetched.
 *
 * @example
 * const { data: file } = useFile(id);
 */
export function useFile(id: string | undefined | null): UseQueryResult<FileObject, Error> {
  const { backend, queryClient } = useFilesContext('useFile');
  return useQuery({ ...fileQueryOptions(backend, id ?? ''), enabled: Boolean(id) }, queryClient);
}
