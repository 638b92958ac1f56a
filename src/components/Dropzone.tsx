'use client';
import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useDropzone, type FileRejection as DropzoneRejection } from 'react-dropzone';
import { cx } from './class-names.js';
import type { FiledockLabelsInput } from './labels.js';
import { useLabels } from './use-labels.js';

export interface DropzoneProps {
  /** Every file dropped, picked or pasted, accepted by `accept` or not: the caller validates. */
  onFiles: (files: File[]) => void;
  /** react-dropzone's accept map; filters the picker and drives `data-drag-reject`. @default undefined (any type) */
  accept?: Record<string, string[]>;
  /** @default undefined */
  maxSize?: number;
  /** @default true */
  multiple?: boolean;
  /** @default false */
  disabled?: boolean;
  /** The help line under the prompt (types and size limit). @default undefined */
  help?: string;
  /** @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
  /** Replaces the prompt text inside the drop area. @default undefined */
  children?: ReactNode;
}

/**
 * The drop area: click, Enter or Space opens the picker; files can be dropped (folders too) or
 * pasted. Its state is exposed as `data-drag-active`, `data-drag-accept`, `data-drag-reject`,
 * `data-focused` and `data-disabled`.
 *
 * Why everything goes to `onFiles`: react-dropzone's own checks know only the declared MIME type,
 * which browsers often leave empty (`.md`, `.csv`); the caller's validation reads names and bytes
 * and reports rejections with filedock's codes. `accept` still filters the picker and gives the
 * drag-over verdict.
 *
 * The `<input type=file>` is a sibling of the drop area, not inside it: the area is a button, and a
 * button must not contain another control. The input stays focusable (react-dropzone hides it with
 * zero size, never `display: none`).
 */
export function Dropzone({
  onFiles,
  accept,
  maxSize,
  multiple = true,
  disabled = false,
  help,
  labels: local,
  className,
  children,
}: DropzoneProps) {
  const { labels } = useLabels(local);
  const id = useId();
  const helpId = `${id}-help`;
  const { getRootProps, getInputProps, isDragActive, isDragAccept, isDragReject, isFocused } = useDropzone({
    onDrop: (accepted: File[], rejected: DropzoneRejection[]) => {
      const files = [...accepted, ...rejected.map((r) => r.file)];
      if (files.length > 0) onFiles(files);
    },
    ...(accept ? { accept } : {}),
    ...(maxSize === undefined ? {} : { maxSize }),
    multiple,
    disabled,
  });

  // Picked files go straight to `onFiles` (stopping the event keeps react-dropzone out, as its
  // own drop handler does): react-dropzone reads every file's `size` to sort accepted from
  // rejected, a verdict discarded here, and in Chromium the first `size` read of a picked file
  // is a synchronous call to the browser process: a thousand files cost ~250 ms in one task
  // (bench P4). Drops still go through react-dropzone, which walks dropped folders.
  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    event.stopPropagation();
    const files = [...(event.target.files ?? [])];
    if (files.length > 0) onFiles(files);
  };

  const prompt = disabled
    ? labels.dropzone.disabled
    : isDragReject
      ? labels.dropzone.reject
      : isDragAccept
        ? labels.dropzone.accept
        : labels.dropzone.idle;

  return (
    <div className={cx('filedock-dropzone', className)} data-disabled={disabled ? '' : undefined}>
      <div
        {...getRootProps({
          role: 'button',
          // Named by its own visible text, title then prompt (so label-in-name holds); described by
          // the help line, which sits outside the button so that the name does not swallow it.
          ...(help ? { 'aria-describedby': helpId } : {}),
        })}
        className="filedock-dropzone-area"
        data-drag-active={isDragActive ? '' : undefined}
        data-drag-accept={isDragAccept ? '' : undefined}
        data-drag-reject={isDragReject ? '' : undefined}
        data-focused={isFocused ? '' : undefined}
        data-disabled={disabled ? '' : undefined}
      >
        <span className="filedock-dropzone-title">
          {labels.dropzone.label}
        </span>{' '}
        <span className="filedock-dropzone-prompt">
          {children ?? prompt}
        </span>
      </div>
      {help ? (
        <p className="filedock-dropzone-help" id={helpId}>
          {help}
        </p>
      ) : null}
      <input {...getInputProps({ 'aria-label': labels.dropzone.input, disabled, onChange: onPicked })} className="filedock-dropzone-input" />
    </div>
  );
}
