/**
 * The engine with resume on, across a simulated reload: engine A journals its steps into an
 * in-memory journal, then "the page reloads" (A's tab is gone: a fresh coordinator, nothing
 * running) and engine B, made with the same journal, reconciles with the server and goes on.
 */
import { describe, expect, it, vi } from 'vitest';
import { computeMd5OnMainThread } from '../../../src/core/checksum/md5.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import type { JournalEntry } from '../../../src/core/upload/resume/entry.js';
import type { ResumeJournal } from '../../../src/core/upload/resume/journal.js';
import type { UploadEngineOptions } from '../../../src/core/upload/types.js';
import {
  completed,
  DIRECT_LIKE,
  FakeBackend,
  happyAuto,
  httpError,
  makeSession,
} from '../../support/fake-backend.js';
import { until, untilPhase } from '../engine/helpers.js';
import { memoryCoordinator, memoryJournal } from './memory.js';

const CONTENT = 'resume me '.repeat(100);
const file = () => new File([CONTENT], 'notes.txt', { type: 'text/plain', lastModified: 1000 });

function engineWith(
  backend: FakeBackend,
  journal: ResumeJournal,
  extra: Partial<UploadEngineOptions> = {},
  storeBytesUpTo = 1024 * 1024,
) {
  return createUploadEngine({
    backend,
    hashFile: (f) => computeMd5OnMainThread(f),
    resume: { journal, coordinator: memoryCoordinator().coordinator, storeBytesUpTo },
    ...extra,
  });
}

/** Engine A runs until its PUT is in flight; returns the session it made. */
async function interruptMidPut(backend: FakeBackend, journal: ResumeJournal) {
  const a = engineWith(backend, journal);
  const [localId] = a.add([file()]);
  await backend.next('put');
  await until(a, () => true);
  return { a, localId: localId as string };
}

describe('engine with resume across a reload', () => {
  it('journals the session before the PUT and continues it after a reload, with no click', async () => {
    const { journal, entries } = memoryJournal();
    const backend = new FakeBackend({ create: happyAuto.create });
    const { localId } = await interruptMidPut(backend, journal);
    const entry = entries.get(localId);
    expect(entry).toMatchObject({ step: 'put', bytes: 'stored', file: { name: 'notes.txt' } });
    const session = backend.calls.find((c) => c.method === 'create');
    expect(session).toBeDefined();

    // Reload: a new engine over the same journal; the server still has the session PENDING.
    backend.answer('retrieve', (id: string) => ({
      ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: CONTENT.length }),
      id,
    }));
    backend.auto.put = happyAuto.put;
    backend.answer('complete', (id: string) =>
      completed({
        ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
        id,
      }),
    );
    const b = engineWith(backend, journal);
    await untilPhase(b, localId, 'completed');
    expect(backend.count('create')).toBe(1); // the session was reused
    expect(backend.count('complete')).toBe(1);
    const put = backend.calls.filter((c) => c.method === 'put').at(-1);
    expect(await (put?.args[1] as Blob | undefined)?.text()).toBe(CONTENT);
    expect(entries.size).toBe(0);
  });

  it('completes without sending the bytes again when the PUT had finished', async () => {
    const { journal, entries } = memoryJournal();
    const backend = new FakeBackend({ create: happyAuto.create, put: happyAuto.put });
    const a = engineWith(backend, journal);
    const [localId] = a.add([file()]);
    await backend.next('complete'); // left unanswered: the page reloads now
    await until(a, () => entries.get(localId as string)?.step === 'complete');
    expect(entries.get(localId as string)?.md5).toBe(await computeMd5OnMainThread(file()));

    backend.answer('retrieve', (id: string) => ({
      ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
      id,
    }));
    backend.answer('complete', (id: string) =>
      completed({
        ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
        id,
      }),
    );
    const b = engineWith(backend, journal);
    await untilPhase(b, localId as string, 'completed');
    expect(backend.count('put')).toBe(1);
    const lastComplete = backend.calls.filter((c) => c.method === 'complete').at(-1);
    expect(lastComplete?.args[1]).toEqual({ md5: await computeMd5OnMainThread(file()) });
  });

  it('shows a file the server completed meanwhile as completed, completing nothing', async () => {
    const { journal } = memoryJournal();
    const backend = new FakeBackend({ create: happyAuto.create });
    const { localId } = await interruptMidPut(backend, journal);
    backend.answer('retrieve', (id: string) =>
      completed({
        ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
        id,
      }),
    );
    const b = engineWith(backend, journal);
    await untilPhase(b, localId, 'completed');
    expect(backend.count('complete')).toBe(0);
  });

  it('asks for a large file again, refuses another file, and completes with the same one', async () => {
    const memory = memoryJournal();
    const { journal } = memory;
    const backend = new FakeBackend({ create: happyAuto.create });
    const { entries } = memory;
    const a = engineWith(backend, journal, {}, 0); // no bytes kept
    const [id] = a.add([file()]);
    const localId = id as string;
    await backend.next('put');
    await vi.waitFor(() => expect(entries.get(localId)?.md5).toBeDefined());

    backend.answer('retrieve', (sid: string) => ({
      ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
      id: sid,
    }));
    backend.auto.put = happyAuto.put;
    backend.answer('complete', (sid: string) =>
      completed({
        ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
        id: sid,
      }),
    );
    const b = engineWith(backend, journal, {}, 0);
    const shown = await untilPhase(b, localId, 'interrupted');
    expect(shown.uploads[0]).toMatchObject({ interruption: 'choose-again' });
    expect(shown.uploads[0]?.progress.total).toBe(CONTENT.length);
    const puts = backend.count('put');

    b.supply(localId, new File(['x'.repeat(CONTENT.length)], 'notes.txt', { lastModified: 1000 }));
    await until(b, (s) => s.uploads[0]?.error?.code === 'file-mismatch');
    expect(b.getSnapshot().uploads[0]?.phase).toBe('interrupted');
    expect(backend.count('put')).toBe(puts);

    b.supply(localId, file());
    await untilPhase(b, localId, 'completed');
    expect(backend.count('put')).toBe(puts + 1);
    expect(backend.count('create')).toBe(1);
  });

  it('discarding an interrupted upload cancels its session and forgets it', async () => {
    const { journal, entries } = memoryJournal();
    const backend = new FakeBackend({ create: happyAuto.create, cancel: happyAuto.cancel });
    const a = engineWith(backend, journal, {}, 0);
    const [id] = a.add([file()]);
    await backend.next('put');
    backend.answer('retrieve', (sid: string) => ({
      ...makeSession({ filename: 'notes.txt', mimeType: 'text/plain', sizeBytes: 1 }),
      id: sid,
    }));
    const b = engineWith(backend, journal, {}, 0);
    await untilPhase(b, id as string, 'interrupted');
    b.cancel(id as string);
    await vi.waitFor(() => expect(entries.size).toBe(0));
    expect(backend.count('cancel')).toBe(1);
    expect(b.getSnapshot().uploads[0]?.phase).toBe('cancelled');
  });

  it('sends a create cut by the reload again with the same idempotency key', async () => {
    const { journal, entries } = memoryJournal();
    const backend = new FakeBackend();
    const a = engineWith(backend, journal);
    const [id] = a.add([file()]);
    const cut = await backend.next('create'); // never answered: the page reloads
    await vi.waitFor(() => expect(entries.get(id as string)?.createKey).toBeDefined());
    expect(entries.get(id as string)?.createKey).toBe(cut.options?.idempotencyKey);

    backend.auto = { ...happyAuto };
    const b = engineWith(backend, journal);
    await untilPhase(b, id as string, 'completed');
    const again = backend.calls.filter((c) => c.method === 'create').at(-1);
    expect(again?.options?.idempotencyKey).toBe(cut.options?.idempotencyKey);
    expect(entries.size).toBe(0);
  });

  it('journals each create’s idempotency key with the pick, before any create is sent', async () => {
    const memory = memoryJournal();
    const firstWrites = new Map<string, JournalEntry>();
    const journal: ResumeJournal = {
      ...memory.journal,
      write: (entry) => {
        if (!firstWrites.has(entry.key)) firstWrites.set(entry.key, structuredClone(entry));
        return memory.journal.write(entry);
      },
    };
    const backend = new FakeBackend();
    const a = engineWith(backend, journal);
    const ids = a.add([file(), file(), file()]) as string[];
    for (let i = 0; i < ids.length; i += 1) await backend.next('create');
    const keys = backend.calls
      .filter((c) => c.method === 'create')
      .map((c) => c.options?.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    // Each file's first entry carries the key its create was sent with.
    expect(ids.map((id) => firstWrites.get(id)?.createKey).sort()).toEqual([...keys].sort());
  });

  it('still shows an upload that failed before the reload, and Retry starts it over', async () => {
    const { journal, entries } = memoryJournal();
    const refused = httpError({ code: 'forbidden', status: 403, message: 'no' });
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: () => Promise.reject(refused),
      cancel: happyAuto.cancel,
    });
    const a = engineWith(backend, journal);
    const [id] = a.add([file()]);
    const localId = id as string;
    await untilPhase(a, localId, 'failed');
    await vi.waitFor(() => expect(entries.get(localId)?.failed?.code).toBe('forbidden'));
    expect(entries.get(localId)?.session).toBeUndefined();

    backend.auto = { ...happyAuto };
    const b = engineWith(backend, journal);
    const shown = await untilPhase(b, localId, 'failed');
    expect(shown.uploads[0]?.error?.code).toBe('forbidden');
    b.retry(localId);
    await untilPhase(b, localId, 'completed');
    expect(entries.size).toBe(0);
  });

  it('forgets a failed upload from before the reload when it is removed', async () => {
    const { journal, entries } = memoryJournal();
    const refused = httpError({ code: 'forbidden', status: 403, message: 'no' });
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: () => Promise.reject(refused),
      cancel: happyAuto.cancel,
    });
    const a = engineWith(backend, journal);
    const [id] = a.add([file()]);
    await untilPhase(a, id as string, 'failed');
    await vi.waitFor(() => expect(entries.get(id as string)?.failed).toBeDefined());
    const b = engineWith(backend, journal);
    await untilPhase(b, id as string, 'failed');
    b.remove(id as string);
    await vi.waitFor(() => expect(entries.size).toBe(0));
  });

  describe('a direct upload (LlamaCloud, xAI) cut by a reload', () => {
    async function cutDirect() {
      const { journal, entries } = memoryJournal();
      const backend = new FakeBackend({ capabilities: DIRECT_LIKE });
      const a = engineWith(backend, journal);
      const [id] = a.add([file()]);
      await backend.next('upload'); // never answered: the page reloads
      await vi.waitFor(() => expect(entries.get(id as string)?.step).toBe('direct'));
      return { journal, entries, backend, localId: id as string };
    }

    it('is shown completed when the service stored it anyway, and not sent again', async () => {
      const { journal, backend, localId } = await cutDirect();
      const stored = {
        id: 'file-1',
        filename: 'notes.txt',
        status: 'COMPLETED' as const,
        sizeBytes: CONTENT.length,
        createdAt: new Date().toISOString(),
      };
      backend.answer('list', () => ({ data: [stored] }));
      const b = engineWith(backend, journal);
      await untilPhase(b, localId, 'completed');
      expect(b.getSnapshot().uploads[0]?.serverFile?.id).toBe('file-1');
      expect(backend.count('upload')).toBe(1);
    });

    it('restarts its one request when the service does not have it', async () => {
      const { journal, entries, backend, localId } = await cutDirect();
      backend.answer('list', () => ({ data: [] }));
      backend.auto.upload = happyAuto.upload;
      const b = engineWith(backend, journal);
      await untilPhase(b, localId, 'completed');
      expect(backend.count('upload')).toBe(2);
      const again = backend.calls.filter((c) => c.method === 'upload').at(-1);
      expect(await (again?.args[0] as Blob | undefined)?.text()).toBe(CONTENT);
      await vi.waitFor(() => expect(entries.size).toBe(0));
    });
  });
});
