'use client';
/**
 * The uploader's rows (`UploadList`) are a chunk of their own: none shows before a file is added.
 * `FileUploader` starts fetching it when it mounts, so it is there by the time a file is dropped
 * or picked. If it cannot be fetched, each upload shows as a plain row (name and status) instead
 * of the app's error boundary getting the failure.
 */
import { type ComponentType, lazy } from 'react';
import { lazily } from '../core/lazy.js';
import { rowKit } from './row-kit.js';
import { statusBadge } from './StatusBadge.js';
import type { UploadListProps } from './UploadList.js';

export type LazyUploadListProps = Omit<UploadListProps, 'kit'>;

const loadRows = lazily(() => import('./UploadList.js'));

type Rows = ComponentType<LazyUploadListProps>;

/** The rows once their chunk is here: from then on they render without suspending. */
let loaded: Rows | undefined;

/** Never rejects: a chunk that cannot be fetched gives plain rows. */
export function loadUploadList(): Promise<{ default: Rows }> {
  return loadRows().then(
    ({ UploadList }) => {
      loaded ??= (props: LazyUploadListProps) => <UploadList {...props} kit={rowKit} />;
      return { default: loaded };
    },
    () => ({ default: PlainUploadList }),
  );
}

const LazyRows = lazy(loadUploadList);

/**
 * The rows, suspending only while their chunk is on its way. `lazy` alone suspends on its first
 * render even when the chunk came long before (its promise settles a microtask later), and React
 * then holds the revealed rows back to pace fallbacks: a pick's first rows would show tens of
 * milliseconds after the pick for nothing.
 */
export function LazyUploadList(props: LazyUploadListProps) {
  const Rows = loaded ?? LazyRows;
  return <Rows {...props} />;
}

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
