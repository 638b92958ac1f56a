'use client';
import { useId, type ChangeEvent, type CSSProperties, type ReactNode } from 'react';
import { cx } from './class-names.js';
import type { FiledockLabelsInput } from './labels.js';
import { useDropTarget } from './use-drop-target.js';
import { useLabels } from './use-labels.js';

/** Hidden but focusable and readable by assistive tech (never `display: none`), even unstyled. */
const HIDDEN_INPUT: CSSProperties = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '0 -1px -1px 0',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

export interface DropzoneProps {
  /** Every file dropped, picked or pasted, accepted by `accept` or not: the caller validates. */
  onFiles: (files: File[]) => void;
  /** Types and their extensions (`{ 'application/pdf': ['.pdf'] }`); filters the picker and drives `data-drag-reject`. @default undefined (any type) */
  accept?: Record<string, string[]>;
  /** Kept for compatibility: sizes are checked by the caller's validation. @default undefined */
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
 * Why everything goes to `onFiles`: a drag's types cannot settle a file (browsers leave `.md` and
 * `.csv` untyped), so the caller's validation reads names and bytes and reports rejections with
 * filedock's codes. `accept` still filters the picker and gives the drag-over verdict.
 *
 * The `<input type=file>` is a sibling of the drop area, not inside it: the area is a button, and a
 * button must not contain another control. The input stays focusable (hidden with zero size,
 * never `display: none`).
 */
export function Dropzone({
  onFiles,
  accept,
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
  const {
    rootProps,
    inputRef,
    acceptAttribute,
    isDragActive,
    isDragAccept,
    isDragReject,
    isFocused,
  } = useDropTarget({
    onFiles,
    accept,
    multiple,
    disabled,
  });

  // Picked files go straight to `onFiles`, each size read once by the validation: in Chromium the
  // first `size` read of a picked file is a synchronous call to the browser process, and a
  // thousand of them are a long task (bench P4).
  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
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
        {...rootProps}
        role="button"
        // Named by its own visible text, title then prompt (so label-in-name holds); described by
        // the help line, which sits outside the button so that the name does not swallow it.
        aria-describedby={help ? helpId : undefined}
        className="filedock-dropzone-area"
        data-drag-active={isDragActive ? '' : undefined}
        data-drag-accept={isDragAccept ? '' : undefined}
        data-drag-reject={isDragReject ? '' : undefined}
        data-focused={isFocused ? '' : undefined}
        data-disabled={disabled ? '' : undefined}
      >
        <span className="filedock-dropzone-title">{labels.dropzone.label}</span>{' '}
        <span className="filedock-dropzone-prompt">{children ?? prompt}</span>
      </div>
      {help ? (
        <p className="filedock-dropzone-help" id={helpId}>
          {help}
        </p>
      ) : null}
      <input
        ref={inputRef}
        type="file"
        accept={acceptAttribute}
        multiple={multiple}
        disabled={disabled}
        tabIndex={-1}
        aria-label={labels.dropzone.input}
        onChange={onPicked}
        className="filedock-dropzone-input"
        style={HIDDEN_INPUT}
      />
    </div>
  );
}
