'use client';
import {
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query';
import type { FilePage, FilesBackend } from '../core/backend.js';
import { badArgument } from '../core/errors.js';
import type { ScopedFilesQueryKeys } from './keys.js';
import { useFilesContext } from './context.js';
import { keysOf } from './query-options.js';

/** `useMutation` options the app may add; the mutation itself (key, function) is filedock's. */
export type UseDeleteFileOptions = Omit<
  UseMutationOptions<void, Error, string>,
  'mutationFn' | 'mutationKey'
>;

/**
 * Deletes a stored file by id, as a React Query mutation (`mutate(id)`), on clients that delete
 * (`capabilities.delete`: LlamaCloud, xAI). Once the service confirms, the row leaves every cached
 * page of the list at once, and the lists and the file's detail are invalidated (the list may lag
 * behind, the detail then reads `not_found`). On a client without delete, `mutate` fails with code
 * `bad_request` and nothing is sent.
 *
 * The app's `onSuccess` runs after filedock's cache update.
 *
 * @example
 * const { backend } = useFilesContext('MyList');
 * const remove = useDeleteFile({ onError: (error) => toast(error.message) });
 * {backend.capabilities.delete && <button onClick={() => remove.mutate(file.id)}>Delete</button>}
 */
export function useDeleteFile(
  options: UseDeleteFileOptions = {},
): UseMutationResult<void, Error, string> {
  const { backend, queryClient } = useFilesContext('useDeleteFile');
  const keys = keysOf(backend);
  const { onSuccess } = options;
  return useMutation(
    {
      ...options,
      mutationKey: keys.deletes(),
      mutationFn: (id: string) => deleteFile(backend, id),
      onSuccess: (...args) => {
        forgetFile(queryClient, keys, args[1]);
        return onSuccess?.(...args);
      },
    },
    queryClient,
  );
}

async function deleteFile(backend: FilesBackend, id: string): Promise<void> {
  if (!backend.delete) {
    throw badArgument('filedock: this client does not delete files (capabilities.delete is false)');
  }
  await backend.delete(id);
}

/** The file leaves every cached page now; lists and its detail are fetched again. */
function forgetFile(queryClient: QueryClient, keys: ScopedFilesQueryKeys, id: string): void {
  queryClient.setQueriesData<FilePage>({ queryKey: keys.lists() }, (page) => {
    if (!page?.data.some((file) => file.id === id)) return page;
    const data = page.data.filter((file) => file.id !== id);
    return page.totalCount === undefined
      ? { ...page, data }
      : { ...page, data, totalCount: Math.max(0, page.totalCount - 1) };
  });
  queryClient.removeQueries({ queryKey: keys.url(id) });
  queryClient.removeQueries({ queryKey: keys.content(id) });
  void queryClient.invalidateQueries({ queryKey: keys.lists() });
  void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
}
