/**
 * The resume journal of one scope (provider + purpose, plus the app's own, e.g. the signed-in
 * user) in IndexedDB, with the bytes of small files and File System Access handles beside it.
 *
 * It never throws and never rejects: a journal that cannot be kept (IndexedDB missing or refused,
 * storage full, a failed open) turns itself off (`available` false) with one console warning, and
 * uploads carry on as they would without resume. A record that does not parse is deleted (one
 * warning) rather than trusted. Upload URLs are stored only until their session's `expiresAt`.
 */
import { parseEntry, withoutStaleCredentials, type JournalEntry } from './entry.js';
import { groupCommit } from './batches.js';
import { openDatabase, request, type StoreName, transact } from './idb.js';
import { warnResumeDegraded } from './warn.js';

/** @default 24 hours */
export const DEFAULT_ENTRY_TTL_MS = 24 * 60 * 60 * 1000;

export interface ResumeJournal {
  readonly scope: string;
  /** False once the journal has turned itself off; every call is then a no-op. */
  readonly available: boolean;
  /** This scope's entries (corrupt ones deleted); other scopes' expired entries are purged. */
  list(): Promise<JournalEntry[]>;
  /**
   * Resolves once written. Writes and removals take effect in the order they are called, even
   * before the earlier ones have resolved: the tracker hands a step's checkpoint over and lets
   * the step go on while it commits.
   */
  write(entry: JournalEntry): Promise<void>;
  /** Forgets the entry, its bytes and its handle (in call order with `write`). */
  remove(key: string): Promise<void>;
  /** Keeps a copy of the bytes; false when they could not be kept (the entry then says `none`). */
  putBytes(key: string, blob: Blob): Promise<boolean>;
  getBytes(key: string): Promise<Blob | undefined>;
  putHandle(key: string, handle: FileSystemFileHandle): Promise<boolean>;
  getHandle(key: string): Promise<FileSystemFileHandle | undefined>;
  /** Forgets every entry of this scope (e.g. on logout). */
  clear(): Promise<void>;
}

export interface ResumeJournalOptions {
  scope: string;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  now?: () => number;
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'QuotaExceededError';

/** A journal write waiting for its transaction: an entry put, or a key forgotten. */
type EntryOp = { put: JournalEntry } | { remove: string };
/** A file's bytes waiting for their transaction; `kept` once committed. */
type Copy = { key: string; blob: Blob; kept?: boolean };

/** Bytes copied per transaction: the first files of a large pick are kept without the rest. */
const COPY_BATCH_BYTES = 1024 * 1024;
const BYTES_NOT_KEPT = 'the browser storage is full; large uploads must be chosen again';

export function openResumeJournal(options: ResumeJournalOptions): ResumeJournal {
  const { scope } = options;
  const now = options.now ?? Date.now;
  let available = true;
  let db: Promise<IDBDatabase> | undefined;
  /** The open database, once open: a batch's transaction is then made without a wait. */
  let opened: IDBDatabase | undefined;

  const degrade = (reason: string, error: unknown): void => {
    available = false;
    warnResumeDegraded(reason, error);
  };

  const database = (): Promise<IDBDatabase> => {
    if (db) return db;
    db = openDatabase(
      options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB,
    ).catch((error: unknown) => {
      degrade('IndexedDB is not available', error);
      throw error;
    });
    // First in line: batches waiting for the open then make their transactions in their order,
    // before any batch that finds the database open.
    db.then(
      (open) => {
        opened = open;
      },
      () => undefined,
    );
    return db;
  };
  const withDatabase = <T>(work: (db: IDBDatabase) => Promise<T>): Promise<T> =>
    opened ? work(opened) : database().then(work);

  /** Runs `work` unless degraded; any failure degrades (quota) or is swallowed with `fallback`. */
  async function guarded<T>(fallback: T, work: (db: IDBDatabase) => Promise<T>): Promise<T> {
    if (!available) return fallback;
    try {
      return await withDatabase(work);
    } catch (error) {
      if (isQuotaError(error)) degrade('the browser storage is full', error);
      else if (available && db) degrade('the resume journal could not be written', error);
      return fallback;
    }
  }

  const removeKeys = (tx: IDBTransaction, keys: readonly string[]): void => {
    for (const key of keys) {
      tx.objectStore('entries').delete(key);
      tx.objectStore('bytes').delete(key);
      tx.objectStore('handles').delete(key);
    }
  };

  // Only a batch that forgets a key spans the bytes: copies never hold up a step's checkpoint.
  const entryWrites = groupCommit<EntryOp>((ops) =>
    guarded(undefined, (open) => {
      const stores: StoreName[] = ops.some((op) => 'remove' in op)
        ? ['entries', 'bytes', 'handles']
        : ['entries'];
      return transact(open, stores, 'readwrite', (tx) => {
        const time = now();
        for (const op of ops) {
          if ('remove' in op) removeKeys(tx, [op.remove]);
          else tx.objectStore('entries').put(withoutStaleCredentials(op.put, time));
        }
      });
    }),
  );

  const copy = (open: IDBDatabase, batch: Copy[]): Promise<void> =>
    transact(open, ['bytes'], 'readwrite', (tx) => {
      for (const { key, blob } of batch) tx.objectStore('bytes').put(blob, key);
    }).then(() => {
      for (const item of batch) item.kept = true;
    });

  const copies = groupCommit<Copy>(
    (batch) =>
      withDatabase(async (open) => {
        try {
          await copy(open, batch);
        } catch (error) {
          // Storage full for a file's bytes: the journal itself still helps (the user sees which
          // file to choose again), so only that copy is given up, with the one warning. One copy
          // that does not fit fails its whole transaction: the others are tried on their own.
          if (batch.length > 1)
            for (const item of batch) await copy(open, [item]).catch(() => undefined);
          if (batch.some((item) => !item.kept)) warnResumeDegraded(BYTES_NOT_KEPT, error);
        }
      }).catch(() => undefined), // not open: nothing kept
    { weigh: (item) => item.blob.size, maxWeight: COPY_BATCH_BYTES },
  );

  /** Reads and whole-scope changes come after every write asked for before them. */
  const settled = (): Promise<void> =>
    Promise.all([entryWrites.settled(), copies.settled()]).then(() => undefined);

  return {
    scope,
    get available() {
      return available;
    },
    list: () =>
      guarded([], async (open) => {
        await settled();
        const records = await transact(open, ['entries'], 'readonly', (tx) =>
          request(tx.objectStore('entries').getAll()),
        );
        const mine: JournalEntry[] = [];
        const drop: string[] = [];
        let corrupt = false;
        const time = now();
        for (const record of records) {
          const entry = parseEntry(record);
          if (!entry) {
            corrupt = true;
            const key = (record as { key?: unknown } | null)?.key;
            if (typeof key === 'string') drop.push(key);
          } else if (entry.scope === scope) mine.push(withoutStaleCredentials(entry, time));
          else if (time >= entry.expiresAt) drop.push(entry.key); // another user's: cannot cancel
        }
        if (corrupt) warnResumeDegraded('a resume journal entry could not be read and was dropped');
        if (drop.length > 0)
          await transact(open, ['entries', 'bytes', 'handles'], 'readwrite', (tx) =>
            removeKeys(tx, drop),
          );
        return mine.sort((a, b) => a.createdAt - b.createdAt);
      }),
    write: (entry) => (available ? entryWrites.add({ put: entry }) : Promise.resolve()),
    remove: (key) => (available ? entryWrites.add({ remove: key }) : Promise.resolve()),
    putBytes: async (key, blob) => {
      if (!available) return false;
      const item: Copy = { key, blob };
      await copies.add(item);
      return item.kept === true;
    },
    getBytes: (key) =>
      guarded(undefined, async (open) => {
        await settled();
        const value = await transact(open, ['bytes'], 'readonly', (tx) =>
          request(tx.objectStore('bytes').get(key) as IDBRequest<Blob | undefined>),
        );
        return value instanceof Blob ? value : undefined;
      }),
    putHandle: async (key, handle) => {
      if (!available) return false;
      try {
        const open = await database();
        await transact(open, ['handles'], 'readwrite', (tx) => {
          tx.objectStore('handles').put(handle, key);
        });
        return true;
      } catch {
        return false; // a handle that cannot be stored: the file is chosen again instead
      }
    },
    getHandle: (key) =>
      guarded(undefined, (open) =>
        transact(open, ['handles'], 'readonly', (tx) =>
          request(
            tx.objectStore('handles').get(key) as IDBRequest<FileSystemFileHandle | undefined>,
          ),
        ),
      ),
    clear: () =>
      guarded(undefined, async (open) => {
        await settled();
        const keys = await transact(open, ['entries'], 'readonly', (tx) =>
          request(tx.objectStore('entries').index('scope').getAllKeys(IDBKeyRange.only(scope))),
        );
        await transact(open, ['entries', 'bytes', 'handles'], 'readwrite', (tx) =>
          removeKeys(tx, keys.map(String)),
        );
      }),
  };
}

/** Forgets every scope's entries: for an app's logout when it does not track scopes. */
export async function clearAllResumeJournals(
  factory: IDBFactory | undefined = (globalThis as { indexedDB?: IDBFactory }).indexedDB,
): Promise<void> {
  try {
    const db = await openDatabase(factory);
    await transact(db, ['entries', 'bytes', 'handles'], 'readwrite', (tx) => {
      tx.objectStore('entries').clear();
      tx.objectStore('bytes').clear();
      tx.objectStore('handles').clear();
    });
    db.close();
  } catch {
    // nothing kept, nothing to clear
  }
}
