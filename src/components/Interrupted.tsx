'use client';
import { useRef } from 'react';
import type { Upload } from '../core/upload/types.js';
import { errorText, type FiledockLabels } from './labels.js';

export interface InterruptedProps {
  upload: Upload;
  name: string;
  labels: FiledockLabels;
  supply: ((file: File) => void) | undefined;
  resume: (() => void) | undefined;
}

/**
 * What an upload interrupted by a reload waits for, and the one action that continues it:
 * `Choose <name> again` (a file input of its own, so the pick goes to this upload and not to the
 * drop area), or `Resume upload of <name>` (a click: reading a kept file handle needs a user
 * gesture). A refused pick (`file-mismatch`) is an alert.
 */
export function Interrupted({ upload, name, labels, supply, resume }: InterruptedProps) {
  const input = useRef<HTMLInputElement>(null);
  const reason = upload.interruption ?? 'choose-again';
  const chooseAgain = labels.item.chooseAgain(name);
  return (
    <div className="filedock-item-interrupted">
      <p className="filedock-item-note">{labels.item.interrupted(name, reason)}</p>
      {upload.error ? (
        <p className="filedock-item-error" role="alert">
          {errorText(labels, upload.error)}
        </p>
      ) : null}
      {reason === 'choose-again' && supply ? (
        <>
          <input
            ref={input}
            type="file"
            className="filedock-visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            accept={upload.file.type || undefined}
            onChange={(event) => {
              const picked = event.currentTarget.files?.[0];
              event.currentTarget.value = ''; // the same file can be picked again after a refusal
              if (picked) supply(picked);
            }}
          />
          <button
            type="button"
            className="filedock-button filedock-button-text"
            data-action="choose-again"
            onClick={() => input.current?.click()}
          >
            {chooseAgain}
          </button>
        </>
      ) : null}
      {(reason === 'permission' || reason === 'unreachable') && resume ? (
        <button
          type="button"
          className="filedock-button filedock-button-text"
          data-action="resume"
          onClick={resume}
        >
          {labels.item.resume(name)}
        </button>
      ) : null}
    </div>
  );
}
