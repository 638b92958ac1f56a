'use client';
import type { RemoteFileStatus } from '../core/backend.js';
import type { UploadPhase } from '../core/upload/types.js';
import { cx } from './class-names.js';
import type { FiledockLabelsInput } from './labels.js';
import { useLabels } from './use-labels.js';

export interface StatusBadgeProps {
  /** A server status (`COMPLETED`, …) or a client upload phase (`uploading`, …). */
  status: RemoteFileStatus | UploadPhase;
  /** Replaces the badge texts (groups `status` and `phase`). @default undefined */
  labels?: FiledockLabelsInput;
  /** @default undefined */
  className?: string;
}

const SERVER_STATUSES: ReadonlySet<string> = new Set([
  'PENDING',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  'FAILED',
]);

/**
 * A status as text plus `data-status`, so the state is readable without colour and stylable by
 * attribute.
 */
export function StatusBadge({ status, labels: local, className }: StatusBadgeProps) {
  const { labels } = useLabels(local);
  const text = SERVER_STATUSES.has(status)
    ? labels.status[status as RemoteFileStatus]
    : labels.phase[status as UploadPhase];
  return (
    <span className={cx('filedock-badge', className)} data-status={status}>
      {text}
    </span>
  );
}
