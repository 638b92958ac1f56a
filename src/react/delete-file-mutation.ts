import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { FilePage, FilesBackend } from '../core/backend.js';
import { badArgument } from '../core/errors.js';
import type { ScopedFilesQueryKeys } from './keys.js';

/** `useMutation` options the app may add; the mutation itself (key, function) is filedock's. */
export type UseDeleteFileOptions = Omit<
  UseMutationOptions<void, Error, string>,
  'mutationFn' | 'mutationKey'
>;

/**
 * The delete mutation `useDeleteFile` runs, apart from the hook: `FileList`'s rows load as a chunk
 * of their own and use this directly, with the keys and context the list hands them, so neither
 * the hook nor its imports join an app's first load (the `filedock` barrel re-exports the hook).
 */
export function deleteFileMutation(
  backend: FilesBackend,
  queryClient: QueryClient,
  keys: ScopedFilesQueryKeys,
  options: UseDeleteFileOptions = {},
): UseMutationOptions<void, Error, string> {
  const { onSuccess } = options;
  return {
    ...options,
    mutationKey: keys.deletes(),
    mutationFn: (id: string) => deleteFile(backend, id),
    onSuccess: (...args) => {
      forgetFile(queryClient, keys, args[1]);
      return onSuccess?.(...args);
    },
  };
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
