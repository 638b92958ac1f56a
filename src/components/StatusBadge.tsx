'use client';
import type { ReactElement } from 'react';
import type { RemoteFileStatus } from '../core/backend.js';
import type { UploadPhase } from '../core/upload/types.js';
import { cx } from './class-names.js';
import type { FiledockLabelsInput, ShownLabels } from './labels.js';
import { useLabels } from './use-labels.js';

export interface StatusBadgeProps {
  /** A server status (`COMPLETED`, …) or a client upload phase (`uploading`, …). */
  status: RemoteFileStatus | UploadPhase;
  /** Replaces the badge texts (groups `status` and `phase`). @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
}

/**
 * A status as text plus `data-status`, so the state is readable without colour and stylable by
 * attribute.
 */
export function StatusBadge({ status, labels: local, className }: StatusBadgeProps) {
  const { labels } = useLabels(local);
  return statusBadge(status, labels, className);
}

/** The badge's markup with labels already resolved: a plain call, no component per list row. */
export function statusBadge(
  status: RemoteFileStatus | UploadPhase,
  labels: ShownLabels,
  className?: string,
): ReactElement {
  // Server statuses are upper case, client phases lower case: the two tables never share a key.
  const text =
    (labels.status as Partial<Record<string, string>>)[status] ??
    labels.phase[status as UploadPhase];
  return (
    <span className={cx('filedock-badge', className)} data-status={status}>
      {text}
    </span>
  );
}
