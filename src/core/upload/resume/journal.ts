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
import { openDatabase, request, transact } from './idb.js';
import { warnResumeDegraded } from './warn.js';

/** @default 24 hours */
export const DEFAULT_ENTRY_TTL_MS = 24 * 60 * 60 * 1000;

export interface ResumeJournal {
  readonly scope: string;
  /** False once the journal has turned itself off; every call is then a no-op. */
  readonly available: boolean;
  /** This scope's entries (corrupt ones deleted); other scopes' expired entries are purged. */
  list(): Promise<JournalEntry[]>;
  write(entry: JournalEntry): Promise<void>;
  /** Forgets the entry, its bytes and its handle. */
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

export function openResumeJournal(options: ResumeJournalOptions): ResumeJournal {
  const { scope } = options;
  const now = options.now ?? Date.now;
  let available = true;
  let db: Promise<IDBDatabase> | undefined;

  const degrade = (reason: string, error: unknown): void => {
    available = false;
    warnResumeDegraded(reason, error);
  };

  const database = (): Promise<IDBDatabase> => {
    db ??= openDatabase(
      options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB,
    ).catch((error: unknown) => {
      degrade('IndexedDB is not available', error);
      throw error;
    });
    return db;
  };

  /** Runs `work` unless degraded; any failure degrades (quota) or is swallowed with `fallback`. */
  async function guarded<T>(fallback: T, work: (db: IDBDatabase) => Promise<T>): Promise<T> {
    if (!available) return fallback;
    try {
      return await work(await database());
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

  return {
    scope,
    get available() {
      return available;
    },
    list: () =>
      guarded([], async (open) => {
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
    write: (entry) =>
      guarded(undefined, (open) =>
        transact(open, ['entries'], 'readwrite', (tx) => {
          tx.objectStore('entries').put(withoutStaleCredentials(entry, now()));
        }),
      ),
    remove: (key) =>
      guarded(undefined, (open) =>
        transact(open, ['entries', 'bytes', 'handles'], 'readwrite', (tx) => removeKeys(tx, [key])),
      ),
    putBytes: async (key, blob) => {
      if (!available) return false;
      try {
        const open = await database();
        await transact(open, ['bytes'], 'readwrite', (tx) => {
          tx.objectStore('bytes').put(blob, key);
        });
        return true;
      } catch (error) {
        // Storage full for this file's bytes: the journal itself still helps (the user sees which
        // file to choose again), so only the copy is given up, with the one warning.
        warnResumeDegraded(
          'the browser storage is full; large uploads must be chosen again',
          error,
        );
        return false;
      }
    },
    getBytes: (key) =>
      guarded(undefined, (open) =>
        transact(open, ['bytes'], 'readonly', (tx) =>
          request(tx.objectStore('bytes').get(key) as IDBRequest<Blob | undefined>),
        ).then((value) => (value instanceof Blob ? value : undefined)),
      ),
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
