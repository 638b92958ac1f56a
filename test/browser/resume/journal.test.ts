import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../src/core/upload/resume/entry.js';
import { DB_NAME } from '../../../src/core/upload/resume/idb.js';
import {
  clearAllResumeJournals,
  openResumeJournal,
} from '../../../src/core/upload/resume/journal.js';
import { resetResumeWarning } from '../../../src/core/upload/resume/warn.js';

const NOW = Date.now();
const SCOPE = 'lightfield:test:knowledge_workspace';

function entry(key: string, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    key,
    scope: SCOPE,
    file: { name: `${key}.pdf`, size: 5, type: 'application/pdf', lastModified: 1 },
    step: 'put',
    session: {
      id: `fil_${key}`,
      uploadUrl: `http://127.0.0.1:1/storage/${key}?sig=secret`,
      uploadHeaders: { 'content-type': 'application/pdf' },
      expiresAt: new Date(NOW + 3_600_000).toISOString(),
    },
    bytes: 'none',
    createdAt: NOW,
    updatedAt: NOW,
    expiresAt: NOW + 86_400_000,
    ...overrides,
  };
}

/** Writes a raw record, as an older build or a damaged profile might have left it. */
async function writeRaw(record: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('entries', 'readwrite');
    tx.objectStore('entries').put(record);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  await clearAllResumeJournals();
  resetResumeWarning();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('resume journal in IndexedDB', () => {
  it('lists what was written, oldest first, for its own scope only', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    const other = openResumeJournal({ scope: 'lightfield:test:other-user' });
    await journal.write(entry('b', { createdAt: NOW + 1 }));
    await journal.write(entry('a'));
    await other.write(entry('c', { scope: 'lightfield:test:other-user' }));
    expect((await journal.list()).map((e) => e.key)).toEqual(['a', 'b']);
    expect((await other.list()).map((e) => e.key)).toEqual(['c']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps a small file’s bytes and forgets them with the entry', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.write(entry('a', { bytes: 'stored' }));
    expect(await journal.putBytes('a', new File(['hello'], 'a.pdf'))).toBe(true);
    expect(await (await journal.getBytes('a'))?.text()).toBe('hello');
    await journal.remove('a');
    expect(await journal.getBytes('a')).toBeUndefined();
    expect(await journal.list()).toEqual([]);
  });

  it('never stores an upload URL past its session’s expiresAt', async () => {
    let now = NOW;
    const journal = openResumeJournal({ scope: SCOPE, now: () => now });
    await journal.write(entry('a'));
    now = NOW + 3_600_001;
    const [read] = await journal.list();
    expect(read?.session).toEqual({ id: 'fil_a', expiresAt: entry('a').session?.expiresAt });
    await journal.write(entry('b'));
    const raw = await new Promise<unknown>((resolve) => {
      const req = indexedDB.open(DB_NAME);
      req.onsuccess = () => {
        const get = req.result.transaction('entries').objectStore('entries').get('b');
        get.onsuccess = () => {
          resolve(get.result);
          req.result.close();
        };
      };
    });
    expect(JSON.stringify(raw)).not.toContain('sig=secret');
  });

  it('drops a corrupt record with one warning, keeping the good ones', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.write(entry('good'));
    await writeRaw({ key: 'bad', scope: SCOPE, v: 1, step: 'sideways' });
    await writeRaw({ key: 'worse', v: 'x' });
    expect((await journal.list()).map((e) => e.key)).toEqual(['good']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect((await journal.list()).map((e) => e.key)).toEqual(['good']);
    expect(journal.available).toBe(true);
  });

  it('purges another scope’s expired entries on load, and leaves its live ones', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    const stranger = openResumeJournal({ scope: 'someone-else' });
    await stranger.write(entry('old', { scope: 'someone-else', expiresAt: NOW - 1 }));
    await stranger.write(entry('live', { scope: 'someone-else' }));
    await journal.list();
    expect((await stranger.list()).map((e) => e.key)).toEqual(['live']);
  });

  it('clears one scope (logout) and leaves the others', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    const other = openResumeJournal({ scope: 'other' });
    await journal.write(entry('a', { bytes: 'stored' }));
    await journal.putBytes('a', new Blob(['x']));
    await other.write(entry('b', { scope: 'other' }));
    await journal.clear();
    expect(await journal.list()).toEqual([]);
    expect(await journal.getBytes('a')).toBeUndefined();
    expect((await other.list()).map((e) => e.key)).toEqual(['b']);
  });

  it('turns itself off with one warning when storage is full, without rejecting', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.list(); // opened
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(journal.write(entry('a'))).resolves.toBeUndefined();
    expect(journal.available).toBe(false);
    await expect(journal.write(entry('b'))).resolves.toBeUndefined();
    expect(await journal.putBytes('b', new Blob(['x']))).toBe(false);
    expect(await journal.list()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('QuotaExceededError');
    put.mockRestore();
  });

  it('gives up only the bytes when a large copy does not fit', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.write(entry('a'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await journal.putBytes('a', new Blob(['x']))).toBe(false);
    put.mockRestore();
    expect(journal.available).toBe(true);
    expect((await journal.list()).map((e) => e.key)).toEqual(['a']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('works without IndexedDB as a no-op journal with one warning', async () => {
    const journal = openResumeJournal({ scope: SCOPE, indexedDB: undefined as never });
    vi.stubGlobal('indexedDB', undefined);
    try {
      await expect(journal.write(entry('a'))).resolves.toBeUndefined();
      expect(await journal.list()).toEqual([]);
      expect(journal.available).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('works as a no-op journal when opening IndexedDB is refused (private modes)', async () => {
    const refusing = {
      open() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    } as unknown as IDBFactory;
    const journal = openResumeJournal({ scope: SCOPE, indexedDB: refusing });
    expect(await journal.list()).toEqual([]);
    await expect(journal.remove('a')).resolves.toBeUndefined();
    expect(journal.available).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('SecurityError');
  });
});

describe('resume journal writes', () => {
  it('writes what one task asks for in one transaction, in the order asked', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.list(); // opened
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const keys = Array.from({ length: 100 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const writes = keys.map((key) => journal.write(entry(key, { step: 'added' })));
    const later = [
      journal.write(entry('k000', { step: 'put' })),
      journal.write(entry('k000', { step: 'complete' })),
      journal.remove('k001'),
    ];
    await Promise.all([...writes, ...later]);
    const readwrite = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(readwrite).toHaveLength(1);
    transaction.mockRestore();
    const listed = await journal.list();
    expect(listed).toHaveLength(99);
    expect(listed.find((e) => e.key === 'k000')?.step).toBe('complete');
    expect(listed.some((e) => e.key === 'k001')).toBe(false);
  });

  it('applies writes in call order across transactions, without waiting for the earlier to commit', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.list();
    const first = journal.write(entry('a', { step: 'put' }));
    // After the first batch's transaction is made, before it commits.
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    const second = journal.write(entry('a', { step: 'complete' }));
    const removed = journal.remove('a');
    const again = journal.write(entry('b'));
    await Promise.all([first, second, removed, again]);
    expect((await journal.list()).map((e) => [e.key, e.step])).toEqual([['b', 'put']]);
  });

  it('puts the writes asked for while a transaction commits together in the next one', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.list();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const first = journal.write(entry('a'));
    const rest: Promise<void>[] = [];
    // One write per microtask, all before the first transaction commits.
    for (const key of ['b', 'c', 'd']) {
      await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
      rest.push(journal.write(entry(key)));
    }
    await Promise.all([first, ...rest]);
    expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(2);
    transaction.mockRestore();
    expect((await journal.list()).map((e) => e.key).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a pick’s bytes a few files per transaction, each copy resolving as it commits', async () => {
    const journal = openResumeJournal({ scope: SCOPE });
    await journal.list();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const files = Array.from(
      { length: 20 },
      (_, i) => new File([new Uint8Array(100 * 1024)], `${i}`),
    );
    const kept = await Promise.all(files.map((file, i) => journal.putBytes(`f${i}`, file)));
    expect(kept.every(Boolean)).toBe(true);
    const readwrite = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(readwrite.length).toBeGreaterThan(1);
    expect(readwrite.length).toBeLessThan(files.length);
    transaction.mockRestore();
    expect((await journal.getBytes('f19'))?.size).toBe(100 * 1024);
  });
});
