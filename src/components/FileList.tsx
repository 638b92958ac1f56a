'use client';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { RemoteFile } from '../core/backend.js';
import { toErrorInfo } from '../core/errors.js';
import { useFilesContext } from '../react/context.js';
import { localSizeOf } from '../react/local-sizes.js';
import { useFiles } from '../react/use-files.js';
import { defined, rootClass } from './class-names.js';
import { DownloadButton } from './DownloadButton.js';
import type { FiledockLabelsInput, ShownLabels } from './labels.js';
import { errorText, localeAttributes } from './english.js';
import { Pagination } from './Pagination.js';
import { loadDeleteButton, RowDelete } from './RowDelete.js';
import { StatusBadge } from './StatusBadge.js';
import { useLabels } from './use-labels.js';

export interface FileListProps {
  /** Rows per page, clamped to the client's `capabilities.maxPageSize`. @default 25 */
  limit?: number;
  /** Controlled page, 1-based (use with `onPageChange`). @default undefined (uncontrolled) */
  page?: number;
  /** @default undefined */
  onPageChange?: (page: number) => void;
  /**
   * Saves a file from `url`: a signed URL, or an object URL of the content on clients that hand
   * out bytes (xAI), revoked shortly after this returns.
   * @default a temporary `<a download>` clicked in this window
   */
  onDownload?: (url: string, file: RemoteFile) => void;
  /** Replaces visible strings (merged over the provider's `labels`). @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
  /** Drops the `filedock` root class, so no default style applies. @default false */
  unstyled?: boolean;
  /** Forces a theme instead of following `prefers-color-scheme`. @default undefined */
  theme?: 'light' | 'dark';
}

/**
 * The files, one page at a time: name, size, created, status, a download button on COMPLETED
 * rows and, on clients that delete (`capabilities.delete`), a delete button that asks first;
 * loading, empty and error states (with a retry). A size or date the service does not report
 * shows as a dash (for a file uploaded from this page, the picked file's size). State is on the
 * root as `data-state` (`loading` · `error` · `empty` · `ready`).
 */
export function FileList({
  limit,
  page: controlled,
  onPageChange,
  onDownload,
  labels: local,
  className,
  unstyled,
  theme,
}: FileListProps) {
  const { labels, format } = useLabels(local);
  // The deleted row takes the focus with it: the table gets it back and a polite line says why.
  const table = useRef<HTMLTableElement>(null);
  const [deletedText, setDeletedText] = useState('');
  const onDeleted = useCallback(
    (file: RemoteFile) => {
      setDeletedText(labels.list.deleted(file.filename));
      table.current?.focus();
    },
    [labels],
  );
  const { backend, queryClient } = useFilesContext('FileList');
  const deletes = backend.capabilities.delete;
  // The delete UI comes as a chunk of its own: fetched now, alongside the first page, so the rows
  // do not wait for it.
  useEffect(() => {
    if (deletes) void loadDeleteButton();
  }, [deletes]);
  const files = useFiles(defined({ limit, page: controlled, onPageChange }));
  const rows = files.data?.data;
  const state = files.isPending
    ? 'loading'
    : files.isError && !rows
      ? 'error'
      : rows && rows.length === 0
        ? 'empty'
        : 'ready';

  const loading = (
    <p className="filedock-message" role="status">
      {labels.list.loading}
    </p>
  );

  return (
    <div
      className={rootClass(unstyled, className)}
      data-filedock-file-list=""
      {...localeAttributes(labels)}
      data-state={state}
      data-theme={theme}
    >
      {state === 'loading' ? loading : null}
      {state === 'error' ? (
        <div className="filedock-message" data-error-code={toErrorInfo(files.error).code}>
          <p role="alert">{labels.list.error(errorText(labels, toErrorInfo(files.error)))}</p>
          <button
            type="button"
            className="filedock-button"
            data-action="retry"
            onClick={() => void files.refetch()}
          >
            {labels.list.retry}
          </button>
        </div>
      ) : null}
      {state === 'empty' ? <p className="filedock-message">{labels.list.empty}</p> : null}
      {rows && rows.length > 0 ? (
        // The delete button loads on demand (see RowDelete): until it has, the rows wait here.
        <Suspense fallback={loading}>
          <table
            ref={table}
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
                  file.sizeBytes ?? localSizeOf(queryClient, backend.scope, file.id),
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
                    <td>
                      <StatusBadge status={file.status} labels={local} />
                    </td>
                    <td className="filedock-cell-actions">
                      {file.status === 'COMPLETED' ? (
                        <DownloadButton
                          file={file}
                          label={labels.list.download(file.filename)}
                          {...(onDownload ? { onDownload } : {})}
                        />
                      ) : null}
                      {deletes ? (
                        <RowDelete file={file} labels={labels} onDeleted={onDeleted} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Suspense>
      ) : null}
      {state === 'ready' || state === 'empty' ? (
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
      ) : null}
      {deletes ? (
        <p className="filedock-visually-hidden" role="status">
          {deletedText}
        </p>
      ) : null}
    </div>
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
function Missing({ labels }: { labels: ShownLabels }) {
  return (
    <>
      <span aria-hidden="true">{labels.list.missing}</span>
      <span className="filedock-visually-hidden">{labels.list.missingText}</span>
    </>
  );
}
