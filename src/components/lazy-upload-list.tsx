'use client';
/**
 * The uploader's rows (`UploadList`) are a chunk of their own: none shows before a file is added.
 * `FileUploader` starts fetching it when it mounts, so it is there by the time a file is dropped
 * or picked. If it cannot be fetched, each upload shows as a plain row (name and status) instead
 * of the app's error boundary getting the failure.
 */
import { lazily } from '../core/lazy.js';
import { keptLazy } from './kept-lazy.js';
import { rowKit } from './row-kit.js';
import { statusBadge } from './StatusBadge.js';
import type { UploadListProps } from './UploadList.js';

export type LazyUploadListProps = Omit<UploadListProps, 'kit'>;

const loadRows = lazily(() => import('./UploadList.js'));

/** Never rejects: a chunk that cannot be fetched gives plain rows. */
const rows = keptLazy<LazyUploadListProps>(() =>
  loadRows().then(
    ({ UploadList }) => ({
      default: (props: LazyUploadListProps) => <UploadList {...props} kit={rowKit} />,
    }),
    () => ({ default: PlainUploadList, kept: false }),
  ),
);

export const loadUploadList = rows.load;
export const LazyUploadList = rows.Component;

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
