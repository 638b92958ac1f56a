'use client';
import { useMutation } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { RemoteFile } from '../core/backend.js';
import { toErrorInfo } from '../core/errors.js';
import type { FilesContextValue } from '../react/context.js';
import { deleteFileMutation } from '../react/delete-file-mutation.js';
import type { ScopedFilesQueryKeys } from '../react/keys.js';
import type { DeleteButtonProps } from './DeleteButton.js';
import type { errorText } from './english.js';
import type { TableShownLabels } from './labels.js';

export interface RowDeleteProps {
  file: RemoteFile;
  labels: TableShownLabels;
  /** The two-step button, from its own chunk (see lazy-file-table.tsx). */
  button: ComponentType<DeleteButtonProps>;
  /** The list's context and query keys, and filedock's `errorText` (`TableKit` says why). */
  context: FilesContextValue;
  keys: ScopedFilesQueryKeys;
  errorText: typeof errorText;
  onDeleted: (file: RemoteFile) => void;
}

/** A row's delete: this row's mutation, shown through the delete button. */
export function RowDelete({
  file,
  labels,
  button: DeleteButton,
  context: { backend, queryClient },
  keys,
  errorText,
  onDeleted,
}: RowDeleteProps) {
  // `useDeleteFile`'s mutation, without the hook: see deleteFileMutation.
  const remove = useMutation(deleteFileMutation(backend, queryClient, keys), queryClient);
  return (
    <DeleteButton
      file={file}
      labels={labels}
      remove={remove}
      error={remove.isError ? errorText(labels, toErrorInfo(remove.error)) : undefined}
      onDeleted={onDeleted}
    />
  );
}
