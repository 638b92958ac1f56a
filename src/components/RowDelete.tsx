'use client';
import type { ComponentType } from 'react';
import type { RemoteFile } from '../core/backend.js';
import { toErrorInfo } from '../core/errors.js';
import type { useDeleteFile } from '../react/use-delete-file.js';
import type { DeleteButtonProps } from './DeleteButton.js';
import type { errorText } from './english.js';
import type { ShownLabels } from './labels.js';

export interface RowDeleteProps {
  file: RemoteFile;
  labels: ShownLabels;
  /** The two-step button, from its own chunk (see lazy-file-table.tsx). */
  button: ComponentType<DeleteButtonProps>;
  /** filedock's `useDeleteFile` and `errorText` (`TableKit` says why they are props). */
  useDeleteFile: typeof useDeleteFile;
  errorText: typeof errorText;
  onDeleted: (file: RemoteFile) => void;
}

/** A row's delete: this row's mutation, shown through the delete button. */
export function RowDelete({
  file,
  labels,
  button: DeleteButton,
  useDeleteFile,
  errorText,
  onDeleted,
}: RowDeleteProps) {
  const remove = useDeleteFile();
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
