'use client';
import type { Upload } from '../core/upload/types.js';
import { cx } from './class-names.js';
import { errorText } from './english.js';
import type { FiledockLabelsInput } from './labels.js';
import { Interrupted } from './lazy-interrupted.js';
import { progressBar } from './ProgressBar.js';
import { statusBadge } from './StatusBadge.js';
import { type RowKit, type UploadItemActions, uploadItem } from './upload-row.js';
import { useLabels } from './use-labels.js';

export type { UploadItemActions } from './upload-row.js';

const kit: RowKit = { cx, errorText, Interrupted, progressBar, statusBadge };

export interface UploadItemProps extends UploadItemActions {
  upload: Upload;
  /** @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
}

/**
 * One upload as a list item: name, size, progress, speed and time left while uploading, a status
 * badge, the error or the rejection reasons, and the actions its phase allows. State is on the
 * element as `data-phase` and `data-error-code`.
 */
export function UploadItem({ upload, labels: local, className, ...actions }: UploadItemProps) {
  return uploadItem(upload, useLabels(local), actions, kit, className);
}
