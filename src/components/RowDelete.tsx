'use client';
import { type ComponentType, lazy } from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { DeleteButtonProps } from './DeleteButton.js';
import { toErrorInfo } from '../core/errors.js';
import { useDeleteFile } from '../react/use-delete-file.js';
import { errorText } from './english.js';
import type { ShownLabels } from './labels.js';

/**
 * The delete UI's code; `FileList` starts loading it on mount where the client deletes. Never
 * rejects: a chunk that cannot be fetched (offline, a deploy that removed it) leaves the rows
 * without their delete button rather than throwing into the app's error boundary, and the
 * prefetch leaves no unhandled rejection.
 */
export const loadDeleteButton = (): Promise<{ default: ComponentType<DeleteButtonProps> }> =>
  import('./DeleteButton.js').then(
    (module) => ({ default: module.DeleteButton }),
    () => ({ default: () => null }),
  );

const DeleteButton = lazy(loadDeleteButton);

export interface RowDeleteProps {
  file: RemoteFile;
  labels: ShownLabels;
  onDeleted: (file: RemoteFile) => void;
}

/**
 * A row's delete: the mutation here, the two-step button loaded with the first row of a client
 * that deletes (a client that does not never loads it). Suspends until it has loaded: `FileList`
 * keeps the rows behind its loading text meanwhile, so no row shows without its button.
 */
export function RowDelete({ file, labels, onDeleted }: RowDeleteProps) {
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
