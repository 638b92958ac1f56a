/**
 * Uploads survive a reload (#13), in real Chromium against the reference server, with real
 * reloads: the page's IndexedDB journal, Web Locks and BroadcastChannel are the browser's own.
 * Each test asserts what the user sees (data-phase, buttons by name) and what the server holds
 * (one COMPLETED file with the source's MD5, no session left PENDING).
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.js';
import { item, pick, POLL, waitPhase } from './support/dom.js';
import { md5, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import {
  chooseAgain,
  collectWarnings,
  journal,
  KiB,
  reload,
  resumeUrl,
  secondTab,
  untilJournal,
} from './resume-support.js';

const MiB = 1024 * KiB;

describe('resume after a reload', () => {
  const e2e = useE2e();
  const open = async (storeBytesUpTo: number) => {
    await openPage(e2e.session, resumeUrl(e2e.appUrl, e2e.apiUrl, storeBytesUpTo));
    return e2e.page;
  };
  /** The first PUT crawls, so the reload lands in the middle of it. */
  const slowFirstPut = () =>
    e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 16 * KiB, times: 1 });

  async function expectOneCompleted(buffer: Buffer) {
    const files = await e2e.server.files();
    expect(
      files.filter((f) => f.status === 'PENDING'),
      'no session left PENDING',
    ).toEqual([]);
    const done = files.filter((f) => f.status === 'COMPLETED');
    expect(done).toHaveLength(1);
    expect(done[0]?.md5).toBe(md5(buffer));
    expect(done[0]?.sizeBytes).toBe(buffer.length);
    return files;
  }

  it('continues a small file after a reload mid-PUT, with no click, on the same session', async () => {
    const page = await open(MiB);
    await slowFirstPut();
    const small = textPayload('small.txt', 'text/plain', 96 * KiB, 3);
    await pick(page, [small]);
    await waitPhase(page, 'small.txt', 'uploading');
    await untilJournal(page, (rows) => rows[0]?.bytes === 'stored' && rows[0]?.step === 'put');

    await reload(page);
    await waitPhase(page, 'small.txt', 'completed', 30_000);
    const files = await expectOneCompleted(small.buffer);
    expect(files).toHaveLength(1); // the session was reused, not replaced
    expect(await e2e.server.requestsOn('create')).toHaveLength(1);
    await untilJournal(page, (rows) => rows.length === 0);
  });

  it('asks for a large file again, refuses a different file, and completes with the right one', async () => {
    const page = await open(4 * KiB);
    await slowFirstPut();
    const big = textPayload('big.txt', 'text/plain', 160 * KiB, 5);
    await pick(page, [big]);
    await waitPhase(page, 'big.txt', 'uploading');
    await untilJournal(page, (rows) => rows[0]?.md5 !== undefined && rows[0]?.bytes === 'none');

    await reload(page);
    const el = await waitPhase(page, 'big.txt', 'interrupted');
    expect(await el.getAttribute('data-interruption')).toBe('choose-again');
    const putsBefore = (await e2e.server.requestsOn('put')).length;

    // Same name, same size, same type: only the content differs (the journal has the MD5).
    const impostor = textPayload('big.txt', 'text/plain', 160 * KiB, 6);
    await chooseAgain(page, 'big.txt', impostor);
    await expect.poll(() => el.getAttribute('data-error-code'), POLL).toBe('file-mismatch');
    expect(await el.getAttribute('data-phase')).toBe('interrupted');
    await expect.poll(() => el.getByRole('alert').textContent(), POLL).toContain('big.txt');
    expect(await e2e.server.requestsOn('put')).toHaveLength(putsBefore);

    await chooseAgain(page, 'big.txt', big);
    await waitPhase(page, 'big.txt', 'completed', 30_000);
    expect(await el.getAttribute('data-error-code')).toBeNull();
    await expectOneCompleted(big.buffer);
    expect(await e2e.server.requestsOn('create')).toHaveLength(1);
  });

  it('completes without sending the bytes again when the reload came after the PUT', async () => {
    const page = await open(0); // no bytes kept: completing must not need them
    await e2e.server.addFaults({ route: 'complete', delayMs: 60_000, times: 1 });
    const doc = textPayload('done.txt', 'text/plain', 64 * KiB, 7);
    await pick(page, [doc]);
    await waitPhase(page, 'done.txt', 'completing');
    await untilJournal(page, (rows) => rows[0]?.step === 'complete');

    await reload(page);
    await waitPhase(page, 'done.txt', 'completed', 30_000);
    await expectOneCompleted(doc.buffer);
    expect(await e2e.server.requestsOn('put')).toHaveLength(1);
  });

  it('starts a new session when the old one expired while the page was away', async () => {
    const config = (sessionTtlMs: number) =>
      fetch(`${e2e.apiUrl}/_control/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionTtlMs }),
      });
    await config(2_000);
    const page = await open(MiB);
    await slowFirstPut();
    const note = textPayload('away.txt', 'text/plain', 96 * KiB, 9);
    await pick(page, [note]);
    await waitPhase(page, 'away.txt', 'uploading');
    await untilJournal(page, (rows) => rows[0]?.step === 'put');
    const url = page.url();
    await page.goto('about:blank');
    await e2e.server.until(
      () => e2e.server.files(),
      (files) => files[0]?.status === 'EXPIRED',
      'the session to expire',
    );
    await config(3_600_000); // the next session lives long enough to finish

    await openPage(e2e.session, url);
    await waitPhase(page, 'away.txt', 'completed', 30_000);
    const files = await expectOneCompleted(note.buffer);
    expect(files.map((f) => f.status).sort()).toEqual(['COMPLETED', 'EXPIRED']);
    expect(await e2e.server.requestsOn('create')).toHaveLength(2);
    expect(await e2e.server.requestsOn('complete')).toHaveLength(1);
  });

  it('with two tabs open, exactly one uploads', async () => {
    const page = await open(MiB);
    // Both PUTs crawl: the first tab's, cut by its reload, and the second tab's, which takes over.
    await e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 16 * KiB, times: 2 });
    const shared = textPayload('shared.txt', 'text/plain', 96 * KiB, 11);
    await pick(page, [shared]);
    await waitPhase(page, 'shared.txt', 'uploading');
    await untilJournal(page, (rows) => rows[0]?.step === 'put');

    const other = await secondTab(e2e.session, page.url());
    const elsewhere = item(other.page, 'shared.txt');
    await expect.poll(() => elsewhere.getAttribute('data-interruption'), POLL).toBe('elsewhere');
    expect(await elsewhere.getAttribute('data-phase')).toBe('interrupted');

    // The first tab reloads: the second one, waiting on the lock, takes the upload over, and the
    // reloaded tab now shows it as uploading elsewhere…
    await reload(page);
    await waitPhase(other.page, 'shared.txt', 'uploading');
    await expect
      .poll(() => item(page, 'shared.txt').getAttribute('data-interruption'), POLL)
      .toBe('elsewhere');
    await waitPhase(other.page, 'shared.txt', 'completed', 30_000);
    // …then completed there, never uploading it itself.
    await waitPhase(page, 'shared.txt', 'completed', 30_000);
    await expectOneCompleted(shared.buffer);
    expect(await e2e.server.requestsOn('create')).toHaveLength(1);
    expect(await e2e.server.requestsOn('complete')).toHaveLength(1);
    expect(await other.errors()).toEqual([]);
    await other.page.close();
  });

  it('degrades to uploads without resume, with one warning, where IndexedDB is unavailable', async () => {
    await e2e.session.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const warnings = collectWarnings(e2e.page);
    const page = await open(MiB);
    const files = [1, 2].map((n) => textPayload(`private-${n}.txt`, 'text/plain', 16 * KiB, n));
    await pick(page, files);
    for (const f of files) await waitPhase(page, f.name, 'completed');
    expect(warnings.filter((w) => w.startsWith('filedock:'))).toHaveLength(1);
  });

  it('degrades cleanly when storage is full: uploads complete, one warning', async () => {
    await e2e.session.context.addInitScript(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const warnings = collectWarnings(e2e.page);
    const page = await open(MiB);
    const files = [3, 4].map((n) => textPayload(`full-${n}.txt`, 'text/plain', 16 * KiB, n));
    await pick(page, files);
    for (const f of files) await waitPhase(page, f.name, 'completed');
    const ours = warnings.filter((w) => w.startsWith('filedock:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('QuotaExceededError');
    expect(await journal(page)).toEqual([]);
  });

  it('without resume, asks before unloading while a PUT is in flight, and not after', async () => {
    await openPage(e2e.session, `${resumeUrl(e2e.appUrl, e2e.apiUrl, 0)}`.replace('&resume=1', ''));
    const page = e2e.page;
    await slowFirstPut();
    const doc = textPayload('leave.txt', 'text/plain', 96 * KiB, 13);
    await page.getByRole('heading', { name: 'filedock e2e' }).click(); // a user gesture first
    await pick(page, [doc]);
    await waitPhase(page, 'leave.txt', 'uploading');
    const asked = page.waitForEvent('dialog');
    // The reload waits on the prompt, answered below.
    const leaving = page.evaluate(() => window.location.reload()).catch(() => undefined);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss(); // stay
    await leaving;
    await waitPhase(page, 'leave.txt', 'completed', 30_000);
    // Nothing on its way any more: leaving asks nothing.
    let prompts = 0;
    page.on('dialog', (d) => {
      prompts += 1;
      void d.accept();
    });
    await reload(page);
    expect(prompts).toBe(0);
    await expectOneCompleted(doc.buffer);
  });
});
