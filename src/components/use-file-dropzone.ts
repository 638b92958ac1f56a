'use client';
/**
 * react-dropzone's `useDropzone` wired to an uploader: the purpose rule becomes its `accept`,
 * `maxSize` and `minSize`, so type and size are enforced when files are dropped, picked or
 * pasted; what it accepts goes to the uploader (the user's own File objects), whose engine checks
 * what react-dropzone cannot (first bytes, names, `maxFiles` keeping the first N); what it
 * refuses becomes a rejected upload with filedock's codes and texts, listed in pick order.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  type DropEvent,
  type DropzoneInputProps,
  type DropzoneOptions,
  type DropzoneState,
  type FileRejection as DropzoneRejection,
  useDropzone,
} from 'react-dropzone';
import type { FileRejection } from '../core/errors.js';
import { acceptFor } from '../core/rules/describe.js';
import { type PurposeRule, ruleFor } from '../core/rules/purposes.js';
import { localize } from '../core/upload/messages.js';
import { createUpload } from '../core/upload/reducer.js';
import type { ErrorMessages, Upload } from '../core/upload/types.js';
import { useFilesContext } from '../react/context.js';
import type { UseFileUploadOptions, UseFileUploadResult } from '../react/use-file-upload.js';
import { toFileRejection } from './dropzone-rejections.js';
import { inPickOrder } from './pick-order.js';

/** What the drop area needs of an uploader: `useFileUpload`'s result will do. */
export interface FileDropzoneUploader
  extends Pick<UseFileUploadResult, 'uploads' | 'remove' | 'clear'> {
  add(files: File[]): unknown;
}

/** react-dropzone's options that filedock derives itself are left out. */
export type FileDropzonePassThrough = Omit<
  DropzoneOptions,
  | 'accept'
  | 'minSize'
  | 'maxSize'
  | 'maxFiles'
  | 'multiple'
  | 'onDrop'
  | 'onDropAccepted'
  | 'onDropRejected'
  | 'getErrorMessage'
>;

export interface UseFileDropzoneOptions extends FileDropzonePassThrough {
  /** The uploader accepted files go to: what `useFileUpload` returned. */
  upload: FileDropzoneUploader;
  /** Whose rule gives `accept`, `maxSize` and `minSize`; pass the uploader's. @default undefined (the `none` rule) */
  purpose?: UseFileUploadOptions['purpose'];
  /** One rule instead of the provider's rule for `purpose`. @default undefined */
  rule?: PurposeRule;
  /** The uploader's per-pick limit: `1` makes the picker take a single file. @default the rule's `maxFiles` */
  maxFiles?: number;
  /** Replacement texts per error code for the files refused here (as `useFileUpload`'s). @default undefined */
  messages?: ErrorMessages;
  /**
   * Called after each drop, pick or paste, once accepted files went to the uploader, with
   * filedock's rejections. Composed with the wiring, never instead of it.
   * @default undefined
   */
  onDrop?: (accepted: File[], rejections: FileRejection[], event: DropEvent | null) => void;
}

export interface UseFileDropzoneResult extends DropzoneState {
  /** The uploader's uploads and the files refused here, in the order they were picked. */
  uploads: readonly Upload[];
  /** Forgets an upload or a refused file. */
  remove(localId: string): void;
  /** Forgets every settled upload and every refused file. */
  clear(): void;
  disabled: boolean;
}

let refusedCount = 0;

/**
 * For a custom drop area: react-dropzone's prop getters and state, wired to an uploader. Handlers
 * passed to `getRootProps` / `getInputProps` run first, as react-dropzone composes them.
 *
 * @example
 * const upload = useFileUpload({ purpose: 'knowledge_user' });
 * const { getRootProps, getInputProps, isDragReject, uploads } = useFileDropzone({
 *   upload,
 *   purpose: 'knowledge_user',
 *   noClick: true,
 *   onDrop: (accepted, rejections) => track(accepted.length, rejections.length),
 * });
 * <div {...getRootProps({ className: isDragReject ? 'no' : undefined })}>
 *   <input {...getInputProps()} />
 *   {uploads.map((u) => <p key={u.localId}>{u.file.name}: {u.phase}</p>)}
 * </div>
 */
export function useFileDropzone(options: UseFileDropzoneOptions): UseFileDropzoneResult {
  const { upload, purpose, rule: given, maxFiles, messages, onDrop, validator, ...rest } = options;
  const disabled = rest.disabled ?? false;
  const { rules } = useFilesContext('useFileDropzone');
  const rule = given ?? ruleFor(purpose, rules);
  const limit = maxFiles ?? rule.maxFiles;
  const accept = useMemo(() => acceptFor(rule), [rule]);
  const [refused, setRefused] = useState<readonly Upload[]>([]);
  // Ids of the refused records, so `remove` stays the same function while refusals come and go
  // (a new `remove` would re-render every row of a long list).
  const refusedIds = useRef(new Set<string>());
  // Each file's place in the order it was picked, across picks.
  const order = useRef(new WeakMap<File, number>());
  const counter = useRef(0);

  // react-dropzone calls the validator once per file, in pick order, before it sorts them into
  // accepted and rejected: that is where each file gets its place.
  const numbered = useCallback(
    <T extends File>(file: T) => {
      order.current.set(file, counter.current++);
      return validator ? validator(file) : null;
    },
    [validator],
  );

  const handleDrop = (
    accepted: File[],
    dropzoneRejections: DropzoneRejection[],
    event: DropEvent | null,
  ) => {
    const rejections = dropzoneRejections.map((rejection) => {
      const { file, errors } = toFileRejection(rejection, rule, limit);
      return { file, errors: errors.map((error) => localize(error, file, messages)) };
    });
    if (rejections.length > 0) {
      const now = Date.now();
      const records = rejections.map((rejection): Upload => {
        refusedCount += 1;
        return {
          ...createUpload(`refused-${refusedCount}`, rejection.file, purpose, now),
          phase: 'rejected',
          error: rejection.errors[0],
          rejection,
        };
      });
      for (const record of records) refusedIds.current.add(record.localId);
      setRefused((old) => [...old, ...records]);
    }
    if (accepted.length > 0) upload.add(accepted);
    onDrop?.(accepted, rejections, event);
  };

  const state = useDropzone({
    ...rest,
    ...(accept ? { accept } : {}),
    maxSize: rule.maxSize,
    minSize: rule.minSize,
    // The engine applies `maxFiles` (keeping the first N valid files); react-dropzone's own cap
    // would count files the engine then refuses by name or bytes.
    multiple: true,
    validator: numbered,
    onDrop: handleDrop,
  });

  const { getInputProps: inputProps } = state;
  const getInputProps = useCallback(
    <T extends DropzoneInputProps>(props?: T): T =>
      inputProps({ multiple: limit !== 1, ...props } as T),
    [inputProps, limit],
  );

  const uploads = useMemo(
    () => inPickOrder(upload.uploads, refused, (file) => order.current.get(file)),
    [upload.uploads, refused],
  );
  const { remove: removeUpload, clear: clearUploads } = upload;
  const remove = useCallback(
    (localId: string) => {
      if (!refusedIds.current.delete(localId)) return removeUpload(localId);
      setRefused((old) => old.filter((record) => record.localId !== localId));
    },
    [removeUpload],
  );
  const clear = useCallback(() => {
    refusedIds.current.clear();
    setRefused([]);
    clearUploads();
  }, [clearUploads]);

  // With the numbering validator react-dropzone cannot promise a drag's outcome and says
  // "unknown"; filedock's numbering refuses nothing, so without an app validator that is an accept.
  const unknown = validator ? state.isDragUnknown : false;
  return {
    ...state,
    isDragActive: state.isDragActive && !disabled,
    isDragAccept: !disabled && (state.isDragAccept || (state.isDragUnknown && !validator)),
    isDragReject: state.isDragReject && !disabled,
    isDragUnknown: unknown && !disabled,
    getInputProps,
    uploads,
    remove,
    clear,
    disabled,
  };
}
