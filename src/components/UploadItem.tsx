'use client';
import type { Upload } from '../core/upload/types.js';
import type { FiledockLabelsInput } from './labels.js';
import { rowKit } from './row-kit.js';
import { type UploadItemActions, uploadItem } from './upload-row.js';
import { useLabels } from './use-labels.js';

export type { UploadItemActions } from './upload-row.js';

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
  return uploadItem(upload, useLabels(local), actions, rowKit, className);
}
