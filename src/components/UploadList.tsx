'use client';
import { memo, type ReactNode, useMemo } from 'react';
import type { Upload } from '../core/upload/types.js';
import { type RowKit, type UploadItemActions, uploadItem } from './upload-row.js';
import { useIncrementalList } from './use-incremental-list.js';
import type { ResolvedLabels } from './use-labels.js';

/** Rows mounted per task when many files arrive at once (see `useIncrementalList`). */
const ROWS_PER_TASK = 100;

export type UploadListApi = Record<
  'cancel' | 'retry' | 'remove' | 'resume',
  (localId: string) => void
> & {
  supply: (localId: string, file: File) => void;
};

export interface UploadListProps {
  uploads: readonly Upload[];
  api: UploadListApi;
  /** Resolved once for the whole list, not per row. */
  labels: ResolvedLabels;
  renderItem: ((upload: Upload, actions: UploadItemActions) => ReactNode) | undefined;
  kit: RowKit;
}

/**
 * The uploader's rows, mounted a slice per task. A component of its own, so that mounting a
 * slice re-renders the list alone: the uploader around it (the drop area, the totals, and the
 * hook that hands the engine its options after each of its commits) stays as it was, and the
 * engine is not woken once per slice while the list first fills.
 */
export function UploadList({ uploads, api, labels, renderItem, kit }: UploadListProps) {
  const listed = useIncrementalList(uploads, ROWS_PER_TASK);
  return (
    <ul className="filedock-list" aria-label={labels.labels.uploader.list}>
      {listed.map((u) => (
        <Row
          key={u.localId}
          upload={u}
          api={api}
          labels={labels}
          renderItem={renderItem}
          kit={kit}
        />
      ))}
    </ul>
  );
}

interface RowProps {
  upload: Upload;
  api: UploadListApi;
  labels: ResolvedLabels;
  renderItem: UploadListProps['renderItem'];
  kit: RowKit;
}

/**
 * One row, memoised: upload records are immutable and replaced only when they change, so a
 * progress notification re-renders the rows that moved, not the whole list. The default item is
 * drawn inside this one component, so a row costs its elements and no further components.
 */
const Row = memo(function Row({ upload, api, labels, renderItem, kit }: RowProps) {
  const { localId } = upload;
  const actions = useMemo<UploadItemActions>(
    () => ({
      cancel: () => api.cancel(localId),
      retry: () => api.retry(localId),
      remove: () => api.remove(localId),
      supply: (file: File) => api.supply(localId, file),
      resume: () => api.resume(localId),
    }),
    [api, localId],
  );
  // A custom row returns its own `<li>`.
  return renderItem ? renderItem(upload, actions) : uploadItem(upload, labels, actions, kit);
});
