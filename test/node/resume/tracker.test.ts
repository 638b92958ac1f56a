import { describe, expect, it, vi } from 'vitest';
import type { UploadSession } from '../../../src/core/backend.js';
import { createResumeTracker, type TrackedJob } from '../../../src/core/upload/resume/tracker.js';
import { iso, NOW } from './fixtures.js';
import { memoryCoordinator, memoryJournal } from './memory.js';

const session: UploadSession = {
  id: 'fil_1',
  filename: 'a.pdf',
  status: 'PENDING',
  expiresAt: iso(NOW + 3_600_000),
  uploadUrl: 'http://storage/fil_1?sig=s',
  uploadHeaders: { 'content-type': 'application/pdf' },
};

function setup(storeBytesUpTo = 10) {
  const memory = memoryJournal();
  const coordination = memoryCoordinator();
  const tracker = createResumeTracker({
    journal: memory.journal,
    coordinator: coordination.coordinator,
    storeBytesUpTo,
    ttlMs: 1000,
    now: () => NOW,
  });
  return { ...memory, ...coordination, tracker };
}

const job = (overrides: Partial<TrackedJob> = {}): TrackedJob => ({
  localId: 'k',
  file: new File(['hello'], 'a.pdf', { type: 'application/pdf', lastModified: 5 }),
  settings: { purpose: 'knowledge_user' },
  step: 'create',
  session: undefined,
  md5: undefined,
  ...overrides,
});

describe('resume tracker', () => {
  it('journals a new upload with its bytes when small, and owns it', async () => {
    const { tracker, entries, bytes, held } = setup();
    tracker.added(job());
    await tracker.checkpoint(job({ step: 'put', session })); // once the bytes are kept
    expect(entries.get('k')).toMatchObject({
      step: 'put',
      bytes: 'stored',
      purpose: 'knowledge_user',
      file: { name: 'a.pdf', size: 5, type: 'application/pdf', lastModified: 5 },
      expiresAt: NOW + 1000,
    });
    expect(await bytes.get('k')?.text()).toBe('hello');
    expect(held.has('k')).toBe(true);
  });

  it('keeps no bytes of a file over the limit', async () => {
    const { tracker, entries, bytes } = setup(2);
    tracker.added(job());
    await tracker.checkpoint(job());
    expect(entries.get('k')?.bytes).toBe('none');
    expect(bytes.size).toBe(0);
  });

  it('writes the session and step before the step, and the MD5 once known', async () => {
    const { tracker, entries } = setup();
    tracker.added(job());
    await tracker.checkpoint(job({ step: 'put', session }));
    expect(entries.get('k')).toMatchObject({
      step: 'put',
      session: { id: 'fil_1', uploadUrl: session.uploadUrl, expiresAt: session.expiresAt },
    });
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    await tracker.checkpoint(job({ step: 'complete', session, md5 }));
    expect(entries.get('k')).toMatchObject({ step: 'complete', md5 });
  });

  it('forgets a settled upload for good, even with a write still pending', async () => {
    const { tracker, entries, bytes, held } = setup();
    tracker.added(job());
    const late = tracker.checkpoint(job({ step: 'put', session }));
    await tracker.forget('k');
    await late;
    await tracker.checkpoint(job({ step: 'complete', session }));
    expect(entries.size).toBe(0);
    expect(bytes.size).toBe(0);
    expect(held.has('k')).toBe(false);
  });
});

describe('resume tracker: what a step waits for', () => {
  /** The in-memory journal, its writes committed and its bytes copied only when the test says. */
  function held() {
    const memory = memoryJournal();
    const commits: Array<() => void> = [];
    const copies: Array<() => void> = [];
    let written = 0;
    const journal = {
      ...memory.journal,
      write: (entry: Parameters<typeof memory.journal.write>[0]) => {
        written += 1;
        void memory.journal.write(entry);
        return new Promise<void>((resolve) => commits.push(resolve));
      },
      putBytes: (key: string, blob: Blob) =>
        new Promise<boolean>((resolve) =>
          copies.push(() => resolve(memory.journal.putBytes(key, blob))),
        ),
    };
    const tracker = createResumeTracker({
      journal,
      coordinator: memoryCoordinator().coordinator,
      storeBytesUpTo: 10,
      ttlMs: 1000,
      now: () => NOW,
    });
    const commitAll = () => {
      for (const commit of commits.splice(0)) commit();
    };
    const copyAll = () => {
      for (const copy of copies.splice(0)) copy();
    };
    return { ...memory, tracker, commitAll, copyAll, writes: () => written };
  }
  const resolvedYet = async (promise: Promise<void>): Promise<boolean> => {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    return done;
  };

  it('holds a create until its idempotency key is written, not for the bytes copy', async () => {
    const { tracker, entries, commitAll, bytes } = held();
    tracker.added(job());
    const before = tracker.checkpoint(job({ createKey: 'key-1' }));
    expect(entries.get('k')?.createKey).toBe('key-1'); // handed over at once
    expect(await resolvedYet(before)).toBe(false);
    commitAll();
    expect(await resolvedYet(before)).toBe(true);
    expect(bytes.size).toBe(0); // still copying
  });

  it('journals a create key given at add with the first entry, and its create writes nothing more', async () => {
    const { tracker, entries, commitAll, writes } = held();
    tracker.added(job({ createKey: 'key-1' }));
    expect(entries.get('k')).toMatchObject({ step: 'added', createKey: 'key-1' });
    const before = tracker.checkpoint(job({ createKey: 'key-1' }));
    expect(writes()).toBe(1); // the create adds no write of its own
    expect(await resolvedYet(before)).toBe(false); // its key is not written yet
    commitAll();
    expect(await resolvedYet(before)).toBe(true);
  });

  it('lets a create whose MD5 is already known go with its key written, adding no write', async () => {
    const { tracker, commitAll, writes } = held();
    tracker.added(job({ createKey: 'key-1' }));
    commitAll();
    // A small file read whole when sniffed knows its MD5 before its create.
    const before = tracker.checkpoint(job({ createKey: 'key-1', md5: 'ab'.repeat(16) }));
    expect(writes()).toBe(1);
    expect(await resolvedYet(before)).toBe(true);
  });

  it('writes and waits for a new create key (a renewed session’s)', async () => {
    const { tracker, entries, commitAll, writes } = held();
    tracker.added(job({ createKey: 'key-1' }));
    commitAll();
    const count = writes();
    const renewed = tracker.checkpoint(job({ createKey: 'key-2' }));
    expect(writes()).toBe(count + 1);
    expect(entries.get('k')?.createKey).toBe('key-2');
    expect(await resolvedYet(renewed)).toBe(false);
    commitAll();
    expect(await resolvedYet(renewed)).toBe(true);
  });

  it('holds a PUT until the bytes are kept and journaled, not for its own write', async () => {
    const { tracker, entries, commitAll, copyAll } = held();
    tracker.added(job());
    commitAll();
    const put = tracker.checkpoint(job({ step: 'put', session }));
    expect(entries.get('k')).toMatchObject({ step: 'put', session: { id: 'fil_1' } });
    expect(await resolvedYet(put)).toBe(false);
    copyAll();
    expect(await resolvedYet(put)).toBe(false); // kept, but the entry does not say so yet
    commitAll();
    expect(await resolvedYet(put)).toBe(true);
    expect(entries.get('k')).toMatchObject({ step: 'put', bytes: 'stored' });
  });

  it('hands a complete’s checkpoint over and lets the step go on', async () => {
    const { tracker, entries } = held();
    tracker.added(job());
    void tracker.checkpoint(job({ step: 'put', session }));
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const complete = tracker.checkpoint(job({ step: 'complete', session, md5 }));
    expect(await resolvedYet(complete)).toBe(true);
    expect(entries.get('k')).toMatchObject({ step: 'complete', md5 });
  });

  it('never puts back an older step when the bytes copy lands after a checkpoint', async () => {
    const { tracker, entries, commitAll, copyAll } = held();
    tracker.added(job());
    const put = tracker.checkpoint(job({ step: 'put', session }));
    await vi.waitFor(() => {
      commitAll();
      copyAll();
      expect(entries.get('k')?.bytes).toBe('stored');
    });
    expect(entries.get('k')?.step).toBe('put');
    commitAll();
    await put;
  });
});
