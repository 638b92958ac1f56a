'use client';
import type { FileObject } from '../core/api/schemas.js';
import { toErrorInfo } from '../core/errors.js';
import { useFiles } from '../react/use-files.js';
import { rootClass } from './class-names.js';
import { DownloadButton } from './DownloadButton.js';
import { errorText, type FiledockLabelsInput } from './labels.js';
import { Pagination } from './Pagination.js';
import { StatusBadge } from './StatusBadge.js';
import { useLabels } from './use-labels.js';

export interface FileListProps {
  /** Rows per page, 1–25. @default 25 */
  limit?: number;
  /** Controlled page, 1-based (use with `onPageChange`). @default undefined (uncontrolled) */
  page?: number;
  /** @default undefined */
  onPageChange?: (page: number) => void;
  /** Opens a download URL. @default a temporary `<a download>` clicked in this window */
  onDownload?: (url: string, file: FileObject) => void;
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
 * The workspace's files, one page at a time: name, size, created, status, and a download button
 * on COMPLETED rows; loading, empty and error states (with a retry). State is on the root as
 * `data-state` (`loading` · `error` · `empty` · `ready`).
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
  const files = useFiles({
    ...(limit === undefined ? {} : { limit }),
    ...(controlled === undefined ? {} : { page: controlled }),
    ...(onPageChange ? { onPageChange } : {}),
  });
  const rows = files.data?.data;
  const state = files.isPending
    ? 'loading'
    : files.isError && !rows
      ? 'error'
      : rows && rows.length === 0
        ? 'empty'
        : 'ready';

  return (
    <div
      className={rootClass(unstyled, className)}
      data-filedock-file-list=""
      data-state={state}
      data-theme={theme}
    >
      {state === 'loading' ? (
        <p className="filedock-message" role="status">
          {labels.list.loading}
        </p>
      ) : null}
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
        <table className="filedock-table" aria-busy={files.isPlaceholderData || undefined}>
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
            {rows.map((file) => (
              <tr key={file.id} data-file-id={file.id} data-status={file.status}>
                <th scope="row" className="filedock-cell-name">
                  {file.filename}
                </th>
                <td className="filedock-cell-size">{format.bytes(file.sizeBytes)}</td>
                <td className="filedock-cell-created">
                  <time dateTime={file.createdAt}>{format.date(file.createdAt)}</time>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
    </div>
  );
}
