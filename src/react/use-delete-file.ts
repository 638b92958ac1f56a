'use client';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useFilesContext } from './context.js';
import { deleteFileMutation, type UseDeleteFileOptions } from './delete-file-mutation.js';
import { keysOf } from './query-options.js';

export type { UseDeleteFileOptions } from './delete-file-mutation.js';

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
  return useMutation(
    deleteFileMutation(backend, queryClient, keysOf(backend), options),
    queryClient,
  );
}
