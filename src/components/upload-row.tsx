'use client';
/**
 * An upload row's markup. The uploader's rows load as a chunk of their own (lazy-upload-list.tsx),
 * so what they use from modules an app's first load has anyway comes in as `RowKit` rather than
 * imported here: an import would split those modules off into chunks shared with this one (more
 * requests and worse compression for the first load).
 */
import type { ComponentType, ReactElement } from 'react';
import { Suspense } from 'react';
import type { Upload } from '../core/upload/types.js';
import type { cx } from './class-names.js';
import type { errorText } from './english.js';
import type { InterruptedProps } from './Interrupted.js';
import type { progressBar } from './ProgressBar.js';
import type { statusBadge } from './StatusBadge.js';
import { canRemove, canRetry, isActive, pickedName, storedName } from './upload-state.js';
import type { ResolvedLabels } from './use-labels.js';

export interface UploadItemActions {
  cancel: () => void;
  retry: () => void;
  remove: () => void;
  /** An interrupted upload's file, chosen again (resume after a reload). */
  supply?: (file: File) => void;
  /** An interrupted upload's Resume click (resume after a reload). */
  resume?: () => void;
}

/** What a row draws with from the first load's modules (see above). */
export interface RowKit {
  cx: typeof cx;
  errorText: typeof errorText;
  Interrupted: ComponentType<InterruptedProps>;
  progressBar: typeof progressBar;
  statusBadge: typeof statusBadge;
}

/**
 * The item's markup with labels and formatters already resolved, as a plain call: a list of a
 * thousand uploads resolves them once and gives each row one component (its memo), not one per
 * badge, bar and button.
 */
export function uploadItem(
  upload: Upload,
  { labels, format }: ResolvedLabels,
  { cancel, retry, remove, supply, resume }: UploadItemActions,
  { cx, errorText, Interrupted, progressBar, statusBadge }: RowKit,
  className?: string,
): ReactElement {
  const name = pickedName(upload);
  const stored = storedName(upload);
  const { phase, progress } = upload;
  const errorCode = upload.error?.code ?? upload.rejection?.errors[0]?.code;
  const showSpeed = phase === 'uploading' && progress.bytesPerSecond > 0;

  return (
    <li
      className={cx('filedock-item', className)}
      data-filedock-upload=""
      data-phase={phase}
      data-error-code={errorCode}
      data-interruption={phase === 'interrupted' ? upload.interruption : undefined}
    >
      <div className="filedock-item-head">
        {/* dir="auto": a name keeps its own direction and is isolated from the text around it. */}
        <span className="filedock-item-name" dir="auto">
          {name}
        </span>
        {stored ? (
          <span className="filedock-item-stored">{labels.item.storedAs(stored)}</span>
        ) : null}
        <span className="filedock-item-size">{format.bytes(upload.file.size)}</span>
        {statusBadge(phase, labels)}
      </div>
      {phase === 'rejected' ? (
        <p className="filedock-item-error" role="alert">
          {labels.item.rejected(
            name,
            upload.rejection?.errors.map((e) => errorText(labels, e)).join('; ') ?? '',
          )}
        </p>
      ) : (
        progressBar({
          value: progress.percent,
          label: labels.item.progress(name),
          valueText: labels.item.progressText({
            percent: format.percent(progress.percent),
            loaded: format.bytes(progress.loaded),
            total: format.bytes(progress.total || upload.file.size),
          }),
        })
      )}
      {showSpeed ? (
        <span className="filedock-item-speed">
          {labels.item.speed({
            speed: format.speed(progress.bytesPerSecond),
            eta: progress.etaSeconds === undefined ? '' : format.duration(progress.etaSeconds),
          })}
        </span>
      ) : null}
      {phase === 'failed' && upload.error ? (
        <p className="filedock-item-error">{errorText(labels, upload.error)}</p>
      ) : null}
      {phase === 'interrupted' ? (
        <Suspense fallback={null}>
          <Interrupted
            upload={upload}
            name={name}
            labels={labels}
            error={upload.error && errorText(labels, upload.error)}
            supply={supply}
            resume={resume}
          />
        </Suspense>
      ) : null}
      <div className="filedock-item-actions">
        {isActive(phase) ? actionButton('cancel', '✕', labels.item.cancel(name), cancel) : null}
        {canRetry(phase) ? actionButton('retry', '↻', labels.item.retry(name), retry) : null}
        {canRemove(phase) && upload.interruption !== 'elsewhere'
          ? actionButton('remove', '✕', labels.item.remove(name), remove)
          : null}
      </div>
    </li>
  );
}

/** A real button whose accessible name is the full sentence; the glyph is decoration. */
function actionButton(
  action: string,
  glyph: string,
  text: string,
  onClick: () => void,
): ReactElement {
  return (
    <button
      type="button"
      className="filedock-button"
      data-action={action}
      onClick={onClick}
      title={text}
    >
      <span aria-hidden="true" className="filedock-button-glyph">
        {glyph}
      </span>
      <span className="filedock-visually-hidden">{text}</span>
    </button>
  );
}
