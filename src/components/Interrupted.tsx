'use client';
import type { Upload } from '../core/upload/types.js';
import type { ShownLabels } from './labels.js';
import { resumeLabels } from './resume-labels.js';

export interface InterruptedProps {
  upload: Upload;
  name: string;
  labels: ShownLabels;
  /** The upload's error, in the labels' words (a refused pick). */
  error: string | undefined;
  supply: ((file: File) => void) | undefined;
  resume: (() => void) | undefined;
}

/**
 * What an upload interrupted by a reload waits for, and the one action that continues it:
 * `Choose <name> again` (a picker of its own, so the pick goes to this upload and not to the
 * drop area), or `Resume upload of <name>` (a click: reading a kept file handle needs a user
 * gesture). A refused pick (`file-mismatch`) is an alert.
 *
 * Only an uploader with `resume` shows it, so it is loaded on demand (see `UploadItem`) and
 * imports nothing the other components load: a shared module would become a chunk of its own.
 */
export function Interrupted({ upload, name, labels, error, supply, resume }: InterruptedProps) {
  const reason = upload.interruption ?? 'choose-again';
  const { item } = labels;
  return (
    <div className="filedock-item-interrupted">
      <p className="filedock-item-note">
        {(item.interrupted ?? resumeLabels.interrupted)(name, reason)}
      </p>
      {error ? (
        <p className="filedock-item-error" role="alert">
          {error}
        </p>
      ) : null}
      {reason === 'choose-again' && supply ? (
        <button
          type="button"
          className="filedock-button filedock-button-text"
          data-action="choose-again"
          onClick={() => pickOne(upload.file.type, supply)}
        >
          {(item.chooseAgain ?? resumeLabels.chooseAgain)(name)}
        </button>
      ) : null}
      {(reason === 'permission' || reason === 'unreachable') && resume ? (
        <button
          type="button"
          className="filedock-button filedock-button-text"
          data-action="resume"
          onClick={resume}
        >
          {(item.resume ?? resumeLabels.resume)(name)}
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
