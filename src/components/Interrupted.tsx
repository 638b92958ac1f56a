'use client';
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
 * `Choose <name> again` (a picker of its own, so the pick goes to this upload and not to the
 * drop area), or `Resume upload of <name>` (a click: reading a kept file handle needs a user
 * gesture). A refused pick (`file-mismatch`) is an alert.
 */
export function Interrupted({ upload, name, labels, supply, resume }: InterruptedProps) {
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
        <button
          type="button"
          className="filedock-button filedock-button-text"
          data-action="choose-again"
          onClick={() => pickOne(upload.file.type, supply)}
        >
          {chooseAgain}
        </button>
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

/**
 * Opens the browser's file picker for one file with an input that is never attached: the
 * uploader keeps its single `input[type=file]` (the DOM contract), and the pick goes straight to
 * the interrupted upload.
 */
function pickOne(type: string, onPick: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  if (type) input.accept = type;
  input.addEventListener('change', () => {
    const picked = input.files?.[0];
    if (picked) onPick(picked);
  });
  input.click();
}
