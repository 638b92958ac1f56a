'use client';
import { type ComponentType, useCallback, useMemo, useRef } from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { FilesContextValue } from '../react/context.js';
import type { localSizeOf } from '../react/local-sizes.js';
import type { keysOf } from '../react/query-options.js';
import type { useSignedUrl } from '../react/use-file-url.js';
import type { UseFilesResult } from '../react/use-files.js';
import type { DeleteButtonProps } from './DeleteButton.js';
import type { errorText } from './english.js';
import { DownloadButton } from './DownloadButton.js';
import type { Formatters } from './format.js';
import type { ShownLabels, TableShownLabels } from './labels.js';
import { Pagination } from './Pagination.js';
import { RowDelete } from './RowDelete.js';
import { withTableTexts } from './table-labels.js';
import type { statusBadge } from './StatusBadge.js';

/**
 * What the table uses from modules an app's first load has anyway, handed over by `FileList`
 * (lazy-file-table.tsx) rather than imported here, like the provider's context (`context`). The
 * bundler makes this module an entry point of its own, even in an app that never renders a list:
 * an import here would split those modules off into chunks shared with it (more requests and
 * worse compression for the first load), and the hooks, reached through the `filedock` barrel,
 * would join the first load of apps that use the hooks alone.
 */
export interface TableKit {
  keysOf: typeof keysOf;
  useSignedUrl: typeof useSignedUrl;
  localSizeOf: typeof localSizeOf;
  statusBadge: typeof statusBadge;
  errorText: typeof errorText;
}

export interface FileTableProps {
  /** The list's `useFilesContext()`. */
  context: FilesContextValue;
  /** The list's `useFiles()`, once a page has arrived. */
  files: UseFilesResult;
  labels: ShownLabels;
  format: Formatters;
  onDownload: ((url: string, file: RemoteFile) => void) | undefined;
  /** The delete button where the client deletes and its chunk loaded; no button otherwise. */
  deleteButton: ComponentType<DeleteButtonProps> | undefined;
  /** The service deleted the file (the list announces it; the focus comes back to the table). */
  onDeleted: (file: RemoteFile) => void;
  /** Called once this is on screen: the list's root says `ready` or `empty` only then. */
  onShown: () => void;
  kit: TableKit;
}

/**
 * What `FileList` shows once a page has arrived: the table (or the empty line) and the
 * pagination. It is a chunk of its own (`lazy-file-table.tsx`), so an app's first load does not
 * carry rows, download and delete wiring, or paging it cannot show before data.
 */
export function FileTable({
  context,
  files,
  labels: shown,
  format,
  onDownload,
  deleteButton,
  onDeleted,
  onShown,
  kit,
}: FileTableProps) {
  const { backend, queryClient } = context;
  const keys = kit.keysOf(backend);
  const labels = useMemo(() => withTableTexts(shown), [shown]);
  // The deleted row takes the focus with it: the table gets it back.
  const table = useRef<HTMLElement | null>(null);
  const deleted = useCallback(
    (file: RemoteFile) => {
      onDeleted(file);
      table.current?.focus();
    },
    [onDeleted],
  );
  // Told as the table (or the empty line) is attached, in the same commit: the root's state
  // changes before anything can see the rows without it.
  const placed = useCallback(
    (node: HTMLElement | null) => {
      table.current = node;
      if (node) onShown();
    },
    [onShown],
  );
  const rows = files.data?.data ?? [];

  return (
    <>
      {rows.length === 0 ? (
        <p ref={placed} className="filedock-message">
          {labels.list.empty}
        </p>
      ) : (
        <table
          ref={placed}
          tabIndex={-1}
          className="filedock-table"
          aria-busy={files.isPlaceholderData || undefined}
        >
          <caption className="filedock-visually-hidden">{labels.list.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.list.name}</th>
              <th scope="col">{labels.list.size}</th>
              <th scope="col">{labels.list.created}</th>
              <th scope="col">{labels.list.status}</th>
              <th scope="col">
                <span className="filedock-visually-hidden">{labels.list.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((file) => {
              const size = knownSize(
                file.sizeBytes ?? kit.localSizeOf(queryClient, backend.scope, file.id),
              );
              const created = knownDate(file.createdAt);
              return (
                <tr key={file.id} data-file-id={file.id} data-status={file.status}>
                  <th scope="row" className="filedock-cell-name">
                    {/* Isolated, in its own direction; the cell still aligns with the table. */}
                    <bdi>{file.filename}</bdi>
                  </th>
                  <td
                    className="filedock-cell-size"
                    data-missing={size === undefined ? '' : undefined}
                  >
                    {size === undefined ? <Missing labels={labels} /> : format.bytes(size)}
                  </td>
                  <td
                    className="filedock-cell-created"
                    data-missing={created === undefined ? '' : undefined}
                  >
                    {created === undefined ? (
                      <Missing labels={labels} />
                    ) : (
                      <time dateTime={created}>{format.date(created)}</time>
                    )}
                  </td>
                  <td>{kit.statusBadge(file.status, labels)}</td>
                  <td className="filedock-cell-actions">
                    {file.status === 'COMPLETED' ? (
                      <DownloadButton
                        file={file}
                        label={labels.list.download(file.filename)}
                        context={context}
                        useSignedUrl={kit.useSignedUrl}
                        {...(onDownload ? { onDownload } : {})}
                      />
                    ) : null}
                    {deleteButton ? (
                      <RowDelete
                        file={file}
                        labels={labels}
                        button={deleteButton}
                        context={context}
                        keys={keys}
                        errorText={kit.errorText}
                        onDeleted={deleted}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        page={files.page}
        pageCount={files.pageCount}
        hasPreviousPage={files.hasPreviousPage}
        hasNextPage={files.hasNextPage}
        onPrevious={() => files.setPage((p) => p - 1)}
        onNext={() => files.setPage((p) => p + 1)}
        labels={labels}
        format={format}
      />
    </>
  );
}

/** A size the service reported (or the picked file had); anything else shows as missing. */
function knownSize(bytes: number | undefined): number | undefined {
  return bytes !== undefined && Number.isFinite(bytes) && bytes >= 0 ? bytes : undefined;
}

/** A date that parses; an absent or garbled one shows as missing, never "Invalid Date". */
function knownDate(iso: string | undefined): string | undefined {
  return iso !== undefined && !Number.isNaN(Date.parse(iso)) ? iso : undefined;
}

/** A dash for the eye, words for screen readers (which would read "em dash" or nothing). */
function Missing({ labels }: { labels: TableShownLabels }) {
  return (
    <>
      <span aria-hidden="true">{labels.list.missing}</span>
      <span className="filedock-visually-hidden">{labels.list.missingText}</span>
    </>
  );
}
