'use client';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { RemoteFile } from '../core/backend.js';
import { type ErrorInfo, toErrorInfo } from '../core/errors.js';
import { useFilesContext } from '../react/context.js';
import { useFiles } from '../react/use-files.js';
import { defined, rootClass } from './class-names.js';
import { errorText, localeAttributes } from './english.js';
import type { FiledockLabelsInput } from './labels.js';
import { forgetFileTable, lazyFileTable, loadFileTable } from './lazy-file-table.js';
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
 *
 * What shows once a page has arrived is a chunk of its own, fetched on mount: until it is there
 * the list says it is loading (so does a plain `renderToString` of a list with data; streaming
 * SSR waits for it). A chunk that cannot be fetched shows as the list's error (`network`), and
 * Retry fetches it again.
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
  const [deletedText, setDeletedText] = useState('');
  const onDeleted = useCallback(
    (file: RemoteFile) => setDeletedText(labels.list.deleted(file.filename)),
    [labels],
  );
  const context = useFilesContext('FileList');
  const deletes = context.backend.capabilities.delete;
  // The table's code (with the delete button's, where the client deletes) is fetched now,
  // alongside the first page, so the rows do not wait for it.
  useEffect(() => {
    void loadFileTable(deletes);
  }, [deletes]);
  const Table = lazyFileTable(deletes);
  // The table reports when it is on screen, so the root says `ready` only with the rows there
  // (a client that deletes, or not, has a table of its own).
  const [shownFor, setShownFor] = useState<boolean | undefined>(undefined);
  const shown = shownFor === deletes;
  const onShown = useCallback(() => setShownFor(deletes), [deletes]);
  const [tableError, setTableError] = useState<ErrorInfo | undefined>(undefined);
  const files = useFiles(defined({ limit, page: controlled, onPageChange }));
  const rows = files.data?.data;
  const queryError = files.isError && !rows ? toErrorInfo(files.error) : undefined;
  const error = queryError ?? (rows ? tableError : undefined);
  const state = error
    ? 'error'
    : !rows || !shown
      ? 'loading'
      : rows.length === 0
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
      {files.isPending ? loading : null}
      {error ? (
        <div className="filedock-message" data-error-code={error.code}>
          <p role="alert">{labels.list.error(errorText(labels, error))}</p>
          <button
            type="button"
            className="filedock-button"
            data-action="retry"
            onClick={() => {
              if (queryError) {
                void files.refetch();
              } else {
                forgetFileTable(deletes);
                setTableError(undefined);
              }
            }}
          >
            {labels.list.retry}
          </button>
        </div>
      ) : rows ? (
        // Until the table's chunk is there, the list goes on saying it is loading.
        <Suspense fallback={loading}>
          <Table
            context={context}
            files={files}
            labels={labels}
            format={format}
            onDownload={onDownload}
            onDeleted={onDeleted}
            onShown={onShown}
            onFailed={setTableError}
          />
        </Suspense>
      ) : null}
      {deletes ? (
        <p className="filedock-visually-hidden" role="status">
          {deletedText}
        </p>
      ) : null}
    </div>
  );
}
