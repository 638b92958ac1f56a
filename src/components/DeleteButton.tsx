'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { TableShownLabels } from './labels.js';

export interface DeleteButtonProps {
  file: RemoteFile;
  labels: TableShownLabels;
  /** This row's `useDeleteFile()`. */
  remove: UseMutationResult<void, Error, string>;
  /** The failed delete's error in the labels' words. */
  error: string | undefined;
  /** The service deleted the file; its row is about to go, with the focus in it. */
  onDeleted?: (file: RemoteFile) => void;
}

/**
 * A row's delete, in two steps so no single stray click or key press deletes: `Delete <name>`
 * turns into `Confirm delete <name>` and `Keep <name>`; Keep takes the focus and the place the
 * first button had (the pair overlays the row from the delete button's end edge, so a narrow
 * table cannot push Keep elsewhere), so a second click on the same spot or a repeated Enter keeps
 * the file. Escape keeps it too. State on the wrapper as `data-state`: `idle` · `confirming` · `deleting` ·
 * `error` (with an alert; the delete button is back to try again).
 *
 * Only clients that delete show it, so it is a chunk of its own (`lazy-file-table.tsx`); it
 * imports nothing the table itself loads, or the bundler would move that into a chunk of its own.
 */
export function DeleteButton({ file, labels, remove, error, onDeleted }: DeleteButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // The focus follows the pair in and out, but only on those transitions: a re-render while
  // confirming (a list refetch) must not pull the focus back from Confirm to Keep.
  const returnFocus = useRef(false);
  const name = file.filename;
  const state = remove.isPending
    ? 'deleting'
    : confirming
      ? 'confirming'
      : remove.isError
        ? 'error'
        : 'idle';
  const paired = state === 'confirming' || state === 'deleting';

  useEffect(() => {
    if (confirming) {
      keepButton.current?.focus();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      deleteButton.current?.focus();
    }
  }, [confirming]);

  const keep = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !remove.isPending) keep();
  };

  return (
    <span className="filedock-delete" data-state={state}>
      {paired ? (
        <>
          {/* Holds the delete button's place, so the row keeps its layout while asking. */}
          <span className="filedock-button filedock-delete-placeholder" aria-hidden="true">
            ✕
          </span>
          <span className="filedock-delete-confirm">
            <button
              type="button"
              className="filedock-button"
              data-action="confirm-delete"
              aria-label={labels.list.confirmDelete(name)}
              disabled={remove.isPending}
              onKeyDown={keepOnEscape}
              onClick={() =>
                remove.mutate(file.id, {
                  onSuccess: () => onDeleted?.(file),
                  onError: () => {
                    returnFocus.current = true;
                  },
                  onSettled: () => setConfirming(false),
                })
              }
            >
              {labels.list.confirmDeleteText}
            </button>
            <button
              ref={keepButton}
              type="button"
              className="filedock-button"
              data-action="keep"
              aria-label={labels.list.keep(name)}
              disabled={remove.isPending}
              onKeyDown={keepOnEscape}
              onClick={keep}
            >
              {labels.list.keepText}
            </button>
          </span>
        </>
      ) : (
        <button
          ref={deleteButton}
          type="button"
          className="filedock-button"
          data-action="delete"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          <span aria-hidden="true" className="filedock-button-glyph">
            ✕
          </span>
          <span className="filedock-visually-hidden">{labels.list.delete(name)}</span>
        </button>
      )}
      {state === 'deleting' ? (
        <span className="filedock-visually-hidden" role="status">
          {labels.list.deleting(name)}
        </span>
      ) : null}
      {state === 'error' ? (
        <span className="filedock-delete-error" role="alert">
          {labels.list.deleteFailed(name, error ?? '')}
        </span>
      ) : null}
    </span>
  );
}
