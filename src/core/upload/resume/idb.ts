/**
 * The few IndexedDB calls the journal needs, as promises. One database for every scope:
 * `entries` (the journal, by key, indexed by scope), `bytes` (copies of small files) and
 * `handles` (File System Access handles), the last two keyed by the entry's key.
 */
export const DB_NAME = 'filedock-resume';
const DB_VERSION = 1;
export type StoreName = 'entries' | 'bytes' | 'handles';

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('IndexedDB request failed'));
  });
}

/** Opens (and creates) the database; rejects where IndexedDB is missing or refused. */
export function openDatabase(factory: IDBFactory | undefined): Promise<IDBDatabase> {
  if (!factory)
    return Promise.reject(new DOMException('IndexedDB is missing', 'NotSupportedError'));
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(error); // e.g. SecurityError in an opaque origin
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('entries'))
        db.createObjectStore('entries', { keyPath: 'key' }).createIndex('scope', 'scope');
      if (!db.objectStoreNames.contains('bytes')) db.createObjectStore('bytes');
      if (!db.objectStoreNames.contains('handles')) db.createObjectStore('handles');
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab running a newer build upgrades the database: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new DOMException('IndexedDB open failed'));
    req.onblocked = () => reject(new DOMException('IndexedDB open blocked', 'InvalidStateError'));
  });
}

/** Runs `work` in one transaction; resolves with its result once the transaction commits. */
export function transact<T>(
  db: IDBDatabase,
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let result: T;
    tx.oncomplete = () => resolve(result);
    // QuotaExceededError arrives here, on the transaction, not on the put request.
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted'));
    tx.onerror = (event) => event.preventDefault(); // reported once, by onabort
    let started: Promise<T>;
    try {
      started = Promise.resolve(work(tx)); // synchronously: the transaction is active now
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        try {
          tx.abort();
        } catch {
          // already finished
        }
        reject(error);
      },
    );
  });
}
