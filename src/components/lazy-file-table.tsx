'use client';
/**
 * `FileTable` (rows, download and delete wiring, pagination) is a chunk of its own: nothing of it
 * can show before a page of files has arrived, and that page needs the client's network chunk
 * first. `FileList` starts fetching it on mount, so it downloads alongside both.
 */
import { type ComponentType, useEffect } from 'react';
import { type ErrorInfo, toErrorInfo } from '../core/errors.js';
import { lazily } from '../core/lazy.js';
import { localSizeOf } from '../react/local-sizes.js';
import { keysOf } from '../react/query-options.js';
import { useSignedUrl } from '../react/use-file-url.js';
import { errorText } from './english.js';
import type { FileTableProps, TableKit } from './FileTable.js';
import { type KeptLazy, keptLazy, type Loaded } from './kept-lazy.js';
import { statusBadge } from './StatusBadge.js';

export type LazyTableProps = Omit<FileTableProps, 'deleteButton' | 'kit'> & {
  /** The table's chunk could not be fetched: the list shows this as its error, with a retry. */
  onFailed: (error: ErrorInfo) => void;
};

const kit: TableKit = { keysOf, useSignedUrl, localSizeOf, statusBadge, errorText };

const loadTable = lazily(() => import('./FileTable.js'));
// Only clients that delete show the delete button, so it is a chunk of its own again.
const loadDeleteButton = lazily(() => import('./DeleteButton.js'));

/**
 * The table with, where the client deletes, its delete button: both fetched at once, the rows
 * shown when both are there. Never rejects: a delete chunk that cannot be fetched leaves the rows
 * without their delete button, a table chunk that cannot be fetched resolves to a stand-in that
 * reports it, rather than throwing into the app's error boundary; a prefetch leaves no unhandled
 * rejection. Neither stand-in is kept: a later load fetches what failed again.
 */
function fetchTable(deletes: boolean): Promise<Loaded<LazyTableProps>> {
  return Promise.all([
    loadTable(),
    deletes ? loadDeleteButton().catch(() => undefined) : undefined,
  ]).then(
    ([{ FileTable }, remover]) => ({
      default: (props: LazyTableProps) => (
        <FileTable {...props} deleteButton={remover?.DeleteButton} kit={kit} />
      ),
      kept: !deletes || remover !== undefined,
    }),
    (error: unknown) => {
      loadError = toErrorInfo(error);
      return { default: TableFailed, kept: false };
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
const tables = new Map<boolean, KeptLazy<LazyTableProps>>();

function tableFor(deletes: boolean): KeptLazy<LazyTableProps> {
  let table = tables.get(deletes);
  if (!table) {
    table = keptLazy(() => fetchTable(deletes));
    tables.set(deletes, table);
  }
  return table;
}

/** Fetches the table's chunks (a list's prefetch on mount). */
export const loadFileTable = (deletes: boolean): Promise<Loaded<LazyTableProps>> =>
  tableFor(deletes).load();

/** The table, suspending only while its chunks are on their way (see kept-lazy.ts). */
export const lazyFileTable = (deletes: boolean): ComponentType<LazyTableProps> =>
  tableFor(deletes).Component;

/** After a failed load: the next `lazyFileTable` fetches the chunk again. */
export function forgetFileTable(deletes: boolean): void {
  tables.delete(deletes);
}
