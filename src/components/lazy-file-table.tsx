'use client';
/**
 * `FileTable` (rows, download and delete wiring, pagination) is a chunk of its own: nothing of it
 * can show before a page of files has arrived, and that page needs the client's network chunk
 * first. `FileList` starts fetching it on mount, so it downloads alongside both.
 */
import { type ComponentType, type LazyExoticComponent, lazy, useEffect } from 'react';
import { type ErrorInfo, toErrorInfo } from '../core/errors.js';
import { lazily } from '../core/lazy.js';
import { localSizeOf } from '../react/local-sizes.js';
import { keysOf } from '../react/query-options.js';
import { useSignedUrl } from '../react/use-file-url.js';
import { errorText } from './english.js';
import type { FileTableProps, TableKit } from './FileTable.js';
import { statusBadge } from './StatusBadge.js';

export type LazyTableProps = Omit<FileTableProps, 'deleteButton' | 'kit'> & {
  /** The table's chunk could not be fetched: the list shows this as its error, with a retry. */
  onFailed: (error: ErrorInfo) => void;
};

type Table = ComponentType<LazyTableProps>;

const kit: TableKit = { keysOf, useSignedUrl, localSizeOf, statusBadge, errorText };

const loadTable = lazily(() => import('./FileTable.js'));
// Only clients that delete show the delete button, so it is a chunk of its own again.
const loadDeleteButton = lazily(() => import('./DeleteButton.js'));

// The table per kind of client once its chunks are here (with the delete button where the client
// deletes): from then on a list renders it without suspending.
const loaded = new Map<boolean, Table>();

/**
 * The table with, where the client deletes, its delete button: both fetched at once, the rows
 * shown when both are there. Never rejects: a delete chunk that cannot be fetched leaves the rows
 * without their delete button, a table chunk that cannot be fetched resolves to a stand-in that
 * reports it, rather than throwing into the app's error boundary; a prefetch leaves no unhandled
 * rejection.
 */
export function loadFileTable(deletes: boolean): Promise<{ default: Table }> {
  return Promise.all([
    loadTable(),
    deletes ? loadDeleteButton().catch(() => undefined) : undefined,
  ]).then(
    ([{ FileTable }, remover]) => {
      const table = (props: LazyTableProps) => (
        <FileTable {...props} deleteButton={remover?.DeleteButton} kit={kit} />
      );
      // Rows without their delete button are not kept: a later load fetches the button again.
      if (deletes && !remover) return { default: table };
      let kept = loaded.get(deletes);
      if (!kept) {
        kept = table;
        loaded.set(deletes, kept);
      }
      return { default: kept };
    },
    (error: unknown) => {
      loadError = toErrorInfo(error);
      return { default: TableFailed };
    },
  );
}

// The failed load's error, for the stand-in (set before it renders; every list loads one chunk).
let loadError: ErrorInfo;

function TableFailed({ onFailed }: LazyTableProps) {
  useEffect(() => onFailed(loadError), [onFailed]);
  return null;
}

// One per kind of client, shared by every list: a second list shows its rows without waiting.
const tables = new Map<boolean, LazyExoticComponent<Table>>();

/**
 * The table, suspending only while its chunks are on their way. `lazy` alone suspends on its
 * first render even when the chunks came long before (its promise settles a microtask later), and
 * React then holds the revealed rows back to pace fallbacks: a page's rows would show well after
 * the page.
 */
export function lazyFileTable(deletes: boolean): Table | LazyExoticComponent<Table> {
  const shown = loaded.get(deletes);
  if (shown) return shown;
  let table = tables.get(deletes);
  if (!table) {
    table = lazy(() => loadFileTable(deletes));
    tables.set(deletes, table);
  }
  return table;
}

/** After a failed load: the next `lazyFileTable` fetches the chunk again. */
export function forgetFileTable(deletes: boolean): void {
  tables.delete(deletes);
}
