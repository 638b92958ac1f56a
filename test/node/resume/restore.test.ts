import { describe, expect, it, vi } from 'vitest';
import type { FilesBackend } from '../../../src/core/backend.js';
import { computeMd5OnMainThread } from '../../../src/core/checksum/md5.js';
import type { JournalEntry } from '../../../src/core/upload/resume/entry.js';
import { createRestorer, type RestoreHost } from '../../../src/core/upload/resume/restore.js';
import { createResumeTracker } from '../../../src/core/upload/resume/tracker.js';
import { entry, iso, NOW, remote } from './fixtures.js';
import { fakeBackend, memoryCoordinator, memoryJournal } from './memory.js';

const CONTENT = 'x'.repeat(2048);
const sameFile = () =>
  new File([CONTENT], 'report.pdf', { type: 'application/pdf', lastModified: NOW - 86_400_000 });

function setup(
  backend: FilesBackend,
  entries: JournalEntry[],
  options: { bytes?: Record<string, Blob>; checksum?: boolean } = {},
) {
  const { journal, entries: stored, bytes } = memoryJournal();
  for (const e of entries) stored.set(e.key, e);
  for (const [key, blob] of Object.entries(options.bytes ?? {})) bytes.set(key, blob);
  const coordination = memoryCoordinator();
  const host = {
    backend,
    now: () => NOW,
    hashFile: (file: File) => computeMd5OnMainThread(file),
    checksum: options.checksum ?? false,
    interrupted: vi.fn(),
    completed: vi.fn(),
    run: vi.fn(),
    dropped: vi.fn(),
    failed: vi.fn(),
  } satisfies RestoreHost;
  const tracker = createResumeTracker({
    journal,
    coordinator: coordination.coordinator,
    storeBytesUpTo: 1024 * 1024,
    ttlMs: 86_400_000,
    now: () => NOW,
  });
  const restorer = createRestorer({
    host,
    journal,
    coordinator: coordination.coordinator,
    tracker,
  });
  return { host, restorer, stored, coordination, journal };
}

describe('restore on load', () => {
  it('shows a file the server completed as completed, and never completes or PUTs it', async () => {
    const done = remote({ status: 'COMPLETED', expiresAt: null });
    const { backend } = fakeBackend({ fil_1: done });
    const { host, restorer, stored } = setup(backend, [entry({ step: 'complete' })]);
    await restorer.start();
    expect(host.completed).toHaveBeenCalledWith(expect.objectContaining({ key: 'local-1' }), done);
    expect(host.run).not.toHaveBeenCalled();
    expect(stored.size).toBe(0);
  });

  it('continues a small file from its kept bytes on the same session, with no click', async () => {
    const { backend, cancel } = fakeBackend({ fil_1: remote() });
    const { host, restorer } = setup(backend, [entry()], { bytes: { 'local-1': sameFile() } });
    await restorer.start();
    expect(host.interrupted).not.toHaveBeenCalled();
    const plan = host.run.mock.calls[0]?.[1];
    expect(plan.step).toBe('put');
    expect(plan.session).toMatchObject({ id: 'fil_1', uploadUrl: entry().session?.uploadUrl });
    expect(await plan.file.text()).toBe(CONTENT);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('completes without the bytes when every byte had reached storage', async () => {
    const { backend } = fakeBackend({ fil_1: remote() });
    const md5 = await computeMd5OnMainThread(sameFile());
    const { host, restorer } = setup(backend, [entry({ step: 'complete', bytes: 'none', md5 })], {
      checksum: true,
    });
    await restorer.start();
    const plan = host.run.mock.calls[0]?.[1];
    expect(plan).toMatchObject({ step: 'complete', md5, checksum: true });
    expect(plan.file.size).toBe(0); // a stand-in: nothing will be read
  });

  it('asks for a large file again, refuses a different file, and continues with the same one', async () => {
    const { backend } = fakeBackend({ fil_1: remote() });
    const md5 = await computeMd5OnMainThread(sameFile());
    const { host, restorer } = setup(backend, [entry({ bytes: 'none', md5 })]);
    await restorer.start();
    expect(host.interrupted).toHaveBeenLastCalledWith(
      expect.objectContaining({ key: 'local-1' }),
      'choose-again',
    );
    const impostor = new File(['y'.repeat(2048)], 'report.pdf', { lastModified: NOW - 86_400_000 });
    await restorer.supply('local-1', impostor);
    expect(host.interrupted).toHaveBeenLastCalledWith(
      expect.anything(),
      'choose-again',
      expect.objectContaining({ code: 'file-mismatch' }),
    );
    expect(host.run).not.toHaveBeenCalled();
    await restorer.supply('local-1', sameFile());
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'put', session: { id: 'fil_1' } });
  });

  it('starts a new session for an expired one when the bytes are at hand', async () => {
    const { backend, cancel } = fakeBackend({
      fil_1: remote({ status: 'EXPIRED', expiresAt: null }),
    });
    const { host, restorer } = setup(backend, [entry()], { bytes: { 'local-1': sameFile() } });
    await restorer.start();
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'create' });
    expect(host.run.mock.calls[0]?.[1].session).toBeUndefined();
    expect(cancel).not.toHaveBeenCalled();
  });

  it('cancels a PENDING session too close to its end at once, even while waiting for the file', async () => {
    const pending = remote({ expiresAt: iso(NOW + 30_000) });
    const { backend, cancel } = fakeBackend({ fil_1: pending });
    const { host, restorer, stored } = setup(backend, [entry({ bytes: 'none' })]);
    await restorer.start();
    expect(cancel).toHaveBeenCalledWith('fil_1');
    expect(stored.get('local-1')?.session).toBeUndefined();
    expect(host.interrupted).toHaveBeenCalledWith(expect.anything(), 'choose-again');
    await restorer.supply('local-1', sameFile());
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'create' });
  });

  it('drops an expired entry and cancels its still-PENDING session', async () => {
    const { backend, cancel } = fakeBackend({ fil_1: remote() });
    const { host, restorer, stored } = setup(backend, [entry({ expiresAt: NOW - 1 })]);
    await restorer.start();
    expect(cancel).toHaveBeenCalledWith('fil_1');
    expect(host.dropped).toHaveBeenCalled();
    expect(stored.size).toBe(0);
  });

  it('waits for a server it cannot reach, and asks again on Resume', async () => {
    const files: Parameters<typeof fakeBackend>[0] = { fil_1: 'unreachable' };
    const { backend } = fakeBackend(files);
    const { host, restorer } = setup(backend, [entry()], { bytes: { 'local-1': sameFile() } });
    await restorer.start();
    expect(host.interrupted).toHaveBeenCalledWith(expect.anything(), 'unreachable');
    files.fil_1 = remote();
    await restorer.resume('local-1');
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'put' });
  });

  it('leaves an upload another tab holds to that tab, and takes over when it lets go', async () => {
    const { backend } = fakeBackend({ fil_1: remote() });
    const { host, restorer, coordination } = setup(backend, [entry()], {
      bytes: { 'local-1': sameFile() },
    });
    const other = coordination.hold('local-1');
    await restorer.start();
    expect(host.interrupted).toHaveBeenCalledWith(expect.anything(), 'elsewhere');
    expect(host.run).not.toHaveBeenCalled();
    await other.release();
    await vi.waitFor(() => expect(host.run).toHaveBeenCalledTimes(1));
  });

  it('discarding an interrupted upload cancels its session and forgets it', async () => {
    const { backend, cancel } = fakeBackend({ fil_1: remote() });
    const { restorer, stored } = setup(backend, [entry({ bytes: 'none' })]);
    await restorer.start();
    await restorer.discard('local-1');
    expect(cancel).toHaveBeenCalledWith('fil_1');
    expect(stored.size).toBe(0);
  });

  it('finds a direct upload the service already stored instead of sending it again', async () => {
    const stored = remote({ id: 'file-7', status: 'COMPLETED', createdAt: iso(NOW) });
    const { backend, list } = fakeBackend({ 'file-7': stored }, 'direct');
    const direct = entry({ step: 'direct', updatedAt: NOW - 1_000 });
    delete direct.session;
    const { host, restorer } = setup(backend, [direct], { bytes: { 'local-1': sameFile() } });
    await restorer.start();
    expect(list).toHaveBeenCalled();
    expect(host.completed).toHaveBeenCalledWith(expect.anything(), stored);
    expect(host.run).not.toHaveBeenCalled();
  });

  it('sends a direct upload again when the service does not have it', async () => {
    const { backend } = fakeBackend({}, 'direct');
    const direct = entry({ step: 'direct' });
    delete direct.session;
    const { host, restorer } = setup(backend, [direct], { bytes: { 'local-1': sameFile() } });
    await restorer.start();
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'upload' });
  });

  it('re-reads a kept file handle on Resume, and falls back to choose again when refused', async () => {
    const { backend } = fakeBackend({ fil_1: remote() });
    const { host, restorer, journal } = setup(backend, [entry({ bytes: 'handle' })]);
    let permission: PermissionState = 'granted';
    const handle = {
      requestPermission: vi.fn(async () => permission),
      getFile: vi.fn(async () => sameFile()),
    } as unknown as FileSystemFileHandle;
    journal.getHandle = async () => handle;
    await restorer.start();
    expect(host.interrupted).toHaveBeenLastCalledWith(expect.anything(), 'permission');
    await restorer.resume('local-1');
    expect(host.run.mock.calls[0]?.[1]).toMatchObject({ step: 'put' });
    expect(await host.run.mock.calls[0]?.[1].file.text()).toBe(CONTENT);

    const second = setup(backend, [entry({ bytes: 'handle' })]);
    second.journal.getHandle = async () => handle;
    permission = 'denied';
    await second.restorer.start();
    await second.restorer.resume('local-1');
    expect(second.host.interrupted).toHaveBeenLastCalledWith(expect.anything(), 'choose-again');
    expect(second.host.run).not.toHaveBeenCalled();
  });
});
