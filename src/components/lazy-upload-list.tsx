'use client';
/**
 * The uploader's rows (`UploadList`) are a chunk of their own: none shows before a file is added.
 * `FileUploader` starts fetching it when it mounts, so it is there by the time a file is dropped
 * or picked. If it cannot be fetched, each upload shows as a plain row (name and status) instead
 * of the app's error boundary getting the failure.
 */
import { type ComponentType, lazy } from 'react';
import { cx } from './class-names.js';
import { errorText } from './english.js';
import { Interrupted } from './lazy-interrupted.js';
import { progressBar } from './ProgressBar.js';
import { statusBadge } from './StatusBadge.js';
import type { RowKit } from './upload-row.js';
import type { UploadListProps } from './UploadList.js';

export type LazyUploadListProps = Omit<UploadListProps, 'kit'>;

const kit: RowKit = { cx, errorText, Interrupted, progressBar, statusBadge };

let loaded: Promise<{ default: ComponentType<LazyUploadListProps> }> | undefined;

/** Never rejects; a failed fetch is tried again by the next uploader that mounts. */
export function loadUploadList(): Promise<{ default: ComponentType<LazyUploadListProps> }> {
  loaded ??= import('./UploadList.js').then(
    ({ UploadList }) => ({
      default: (props: LazyUploadListProps) => <UploadList {...props} kit={kit} />,
    }),
    () => {
      loaded = undefined;
      return { default: PlainUploadList };
    },
  );
  return loaded;
}

export const LazyUploadList = lazy(loadUploadList);

/** Each upload as its name and status: what shows when the rows' chunk cannot be fetched. */
function PlainUploadList({ uploads, labels: { labels } }: LazyUploadListProps) {
  return (
    <ul className="filedock-list" aria-label={labels.uploader.list}>
      {uploads.map((upload) => (
        <li
          key={upload.localId}
          className="filedock-item"
          data-filedock-upload=""
          data-phase={upload.phase}
          data-interruption={upload.phase === 'interrupted' ? upload.interruption : undefined}
        >
          <span className="filedock-item-name" dir="auto">
            {upload.file.name}
          </span>
          {statusBadge(upload.phase, labels)}
        </li>
      ))}
    </ul>
  );
}
