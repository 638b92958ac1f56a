'use client';
import { type ReactNode, Suspense, useEffect, useMemo } from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { ErrorInfo } from '../core/errors.js';
import { typeLabels } from '../core/rules/describe.js';
import { ruleFor } from '../core/rules/purposes.js';
import type { ResumeOptions, Upload } from '../core/upload/types.js';
import { useFilesContext } from '../react/context.js';
import { useFileUpload } from '../react/use-file-upload.js';
import { defined, rootClass } from './class-names.js';
import { Dropzone } from './Dropzone.js';
import type { FiledockLabelsInput } from './labels.js';
import { errorText, localeAttributes } from './english.js';
import { loadInterrupted } from './lazy-interrupted.js';
import { LazyUploadList, loadUploadList } from './lazy-upload-list.js';
import { LiveRegion } from './LiveRegion.js';
import { progressBar } from './ProgressBar.js';
import { useAnnouncements } from './use-announcements.js';
import { useLabels } from './use-labels.js';
import {
  type FileDropzonePassThrough,
  type UseFileDropzoneOptions,
  useFileDropzone,
} from './use-file-dropzone.js';
import type { UploadItemActions } from './upload-row.js';

export interface FileUploaderProps {
  /** Picks the rule files are validated against (types, size) and is sent with each create. @default undefined */
  purpose?: string;
  /**
   * Files sending their bytes at once (PUTs, or one-request uploads). Beside each, the next
   * file's session may be made and the last file's complete answered. @default 4
   */
  concurrency?: number;
  /** Most files one drop or pick may add; more are rejected with `too-many-files`. @default the rule's `maxFiles` (no limit) */
  maxFiles?: number;
  /** Compute an MD5 alongside the upload for the server to verify. @default true */
  checksum?: boolean;
  /**
   * Uploads survive a reload (see `useFileUpload`'s `resume`): small files continue by themselves,
   * larger ones show `Choose <name> again`. Read when the uploader first mounts. @default false
   * @example <FileUploader resume={{ storeBytesUpTo: 5 * 1024 * 1024 }} />
   */
  resume?: boolean | ResumeOptions;
  /** A file reached COMPLETED. @default undefined */
  onUploaded?: (file: RemoteFile, upload: Upload) => void;
  /** An upload failed or a file was refused; `message` is the localised text shown. @default undefined */
  onError?: (error: ErrorInfo, upload: Upload) => void;
  /** No new files are taken; uploads in flight continue. @default false */
  disabled?: boolean;
  /** Replaces visible strings (merged over the provider's `labels`). @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
  /** Drops the `filedock` root class, so no default style applies. @default false */
  unstyled?: boolean;
  /** Forces a theme instead of following `prefers-color-scheme`. @default undefined */
  theme?: 'light' | 'dark';
  /** Renders one upload instead of the default item; return an `<li>`. @default undefined */
  renderItem?: (upload: Upload, actions: UploadItemActions) => ReactNode;
  /** Renders under the drop area while there are no uploads. @default undefined (nothing) */
  renderEmpty?: () => ReactNode;
  /**
   * Passed through to react-dropzone's `useDropzone` (`noClick`, `noKeyboard`, `noDrag`,
   * `noPaste`, `useFsAccessApi`, `getFilesFromEvent`, `validator`, `onDrop`, …); `accept`,
   * `maxSize` and `minSize` come from the purpose rule. `onDrop` is called after the files went to
   * the uploader, with filedock's rejections.
   * @default undefined
   * @example <FileUploader dropzoneOptions={{ noClick: true, useFsAccessApi: true }} />
   */
  dropzoneOptions?: FileDropzonePassThrough & Pick<UseFileDropzoneOptions, 'onDrop'>;
}

/**
 * Drop area, upload list, total progress and a polite live region, over `useFileUpload` and
 * `useFileDropzone`.
 *
 * @example
 * <FilesProvider client={client}>
 *   <FileUploader purpose="knowledge_workspace" onUploaded={(file) => console.log(file.id)} />
 * </FilesProvider>
 */
export function FileUploader(props: FileUploaderProps) {
  const { purpose, concurrency, maxFiles, checksum, onUploaded, onError, disabled = false } = props;
  const {
    labels: local,
    className,
    unstyled,
    theme,
    renderItem,
    renderEmpty,
    dropzoneOptions,
  } = props;
  const { rules } = useFilesContext('FileUploader');
  const resolved = useLabels(local);
  const { labels, format } = resolved;
  const rule = ruleFor(purpose, rules);
  const limit = maxFiles ?? rule.maxFiles;

  const upload = useFileUpload({
    ...defined({ purpose, concurrency, checksum, maxFiles: limit, onUploaded }),
    ...(props.resume ? { resume: props.resume } : {}),
    ...(onError
      ? {
          onError: (error: ErrorInfo, u: Upload) =>
            onError({ ...error, message: errorText(labels, error) }, u),
        }
      : {}),
  });
  const { progress, isUploading } = upload;
  // The interrupted-upload UI loads now, with the engine's resume code, so it is there before the
  // first restored upload is.
  const resumes = Boolean(props.resume);
  useEffect(() => {
    if (resumes) void loadInterrupted();
  }, [resumes]);
  // The rows' code comes now, so it is there before the first file is.
  useEffect(() => {
    void loadUploadList();
  }, []);
  const dropzone = useFileDropzone({
    ...dropzoneOptions,
    upload,
    ...defined({ purpose, maxFiles: limit }),
    rule,
    disabled,
  });
  const { uploads, remove } = dropzone;
  const announcements = useAnnouncements(uploads, labels);

  const help = labels.dropzone.help({
    types: typeLabels(rule),
    maxSize: format.bytes(rule.maxSize),
  });
  const { cancel, retry, supply, resume } = upload;
  const api = useMemo(
    () => ({ cancel, retry, remove, supply, resume }),
    [cancel, retry, remove, supply, resume],
  );
  const counted = uploads.filter((u) => u.phase !== 'rejected' && u.phase !== 'cancelled');
  const summary =
    counted.length > 0 &&
    labels.uploader.totalSummary({
      done: counted.filter((u) => u.phase === 'completed').length,
      count: counted.length,
      percent: format.percent(progress.percent),
    });

  return (
    <div
      className={rootClass(unstyled, className)}
      data-filedock-uploader=""
      {...localeAttributes(labels)}
      data-uploading={isUploading ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
      data-theme={theme}
    >
      <Dropzone dropzone={dropzone} help={help} labels={local} />
      {summary !== false ? (
        <div className="filedock-total">
          {progressBar({
            value: progress.percent,
            label: labels.uploader.totalProgress,
            valueText: summary,
          })}
          <span className="filedock-total-text">{summary}</span>
        </div>
      ) : null}
      {uploads.length > 0 ? (
        // No rows until their chunk is there (it is fetched on mount): a stand-in list would mount
        // a large pick in one go.
        <Suspense fallback={null}>
          <LazyUploadList uploads={uploads} api={api} labels={resolved} renderItem={renderItem} />
        </Suspense>
      ) : (
        (renderEmpty?.() ?? null)
      )}
      <LiveRegion lines={announcements} />
    </div>
  );
}
