'use client';
import { type ReactNode, useId } from 'react';
import type { DropzoneState } from 'react-dropzone';
import { cx } from './class-names.js';
import type { FiledockLabelsInput } from './labels.js';
import { useLabels } from './use-labels.js';

export interface DropzoneProps {
  /** The drop area's behaviour and state: what `useFileDropzone` (or react-dropzone's `useDropzone`) returned. */
  dropzone: Pick<
    DropzoneState,
    | 'getRootProps'
    | 'getInputProps'
    | 'isDragActive'
    | 'isDragAccept'
    | 'isDragReject'
    | 'isFocused'
  > & { disabled?: boolean };
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
 * The `<input type=file>` is a sibling of the drop area, not inside it: the area is a button, and a
 * button must not contain another control. The input stays focusable (react-dropzone hides it with
 * zero size and no opacity, never `display: none`).
 *
 * @example
 * const upload = useFileUpload({ purpose: 'knowledge_user' });
 * const dropzone = useFileDropzone({ upload, purpose: 'knowledge_user' });
 * <Dropzone dropzone={dropzone} help="PDF up to 100 MB" />
 */
export function Dropzone({ dropzone, help, labels: local, className, children }: DropzoneProps) {
  const { labels } = useLabels(local);
  const id = useId();
  const helpId = `${id}-help`;
  const { getRootProps, getInputProps, isDragActive, isDragAccept, isDragReject, isFocused } =
    dropzone;
  const disabled = dropzone.disabled ?? false;

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
          className: 'filedock-dropzone-area',
          'data-drag-active': isDragActive ? '' : undefined,
          'data-drag-accept': isDragAccept ? '' : undefined,
          'data-drag-reject': isDragReject ? '' : undefined,
          'data-focused': isFocused ? '' : undefined,
          'data-disabled': disabled ? '' : undefined,
        })}
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
        {...getInputProps({
          'aria-label': labels.dropzone.input,
          disabled,
          className: 'filedock-dropzone-input',
        })}
      />
    </div>
  );
}
