/**
 * Resume after a reload (#13) in every engine, through the engine-neutral tab: the two paths a
 * browser without file handles (Firefox, WebKit: no File System Access) has. A small file's bytes
 * are kept in IndexedDB and it continues by itself after a real reload, on the same session; a
 * large file asks to be chosen again, a different file of the same name and size is refused, and
 * the right one completes. In WebKit under WebDriver, IndexedDB keeps no Blobs: the small file
 * takes the degraded path there (chosen again). (resume.test.ts covers more cases in Chromium with Playwright's API.)
 */
import { describe, expect, it } from 'vitest';
import { button, item, pick, POLL, waitPhase } from './support/dom.js';
import { md5, type Payload, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import { pageUrl } from './support/page-url.js';
import type { Tab } from './support/tab.js';
import { type JournalRow, readJournalInPage } from './resume-support.js';

const KiB = 1024;

/** The resume journal as the page's IndexedDB holds it. */
function journal(tab: Tab): Promise<JournalRow[]> {
  return tab.evaluate(readJournalInPage);
}

/**
 * `Choose <name> again` opens the picker of an input that is never attached, which no protocol
 * can reach: the page's `click()` on such an input attaches it instead (marked
 * data-e2e-chooser), and the test picks the file on it from disk, as the user would in the dialog.
 */
async function chooseAgain(tab: Tab, name: string, payload: Payload): Promise<void> {
  await tab.evaluate(() => {
    const proto = HTMLInputElement.prototype as HTMLInputElement & { __e2eChooser?: true };
    if (proto.__e2eChooser) return;
    proto.__e2eChooser = true;
    const click = proto.click;
    proto.click = function (this: HTMLInputElement) {
      if (this.type !== 'file' || this.isConnected) return click.call(this);
      for (const old of document.querySelectorAll('[data-e2e-chooser]')) old.remove();
      this.setAttribute('data-e2e-chooser', '');
      document.body.append(this);
    };
  });
  await tab.click(button(`Choose ${name} again`, item(name)));
  await tab.waitFor({ css: 'input[data-e2e-chooser]' }, { what: 'the file chooser' });
  await tab.pick('input[data-e2e-chooser]', [payload]);
}

describe('resume after a reload (every engine)', () => {
  const e2e = useE2e();

  async function open(storeBytesUpTo: number): Promise<Tab> {
    const tab = e2e.tab;
    await tab.goto(
      `${pageUrl(e2e.appUrl, e2e.apiUrl, { list: false })}&resume=1&storeBytesUpTo=${storeBytesUpTo}`,
    );
    await tab.waitFor({ css: '[data-filedock-uploader] input[type=file]' });
    return tab;
  }

  async function untilJournal(tab: Tab, check: (rows: JournalRow[]) => boolean): Promise<void> {
    await expect.poll(async () => check(await journal(tab)), POLL).toBe(true);
  }

  async function expectOneCompleted(buffer: Buffer) {
    const files = await e2e.server.files();
    expect(files.filter((f) => f.status === 'PENDING')).toEqual([]);
    const done = files.filter((f) => f.status === 'COMPLETED');
    expect(done.map((f) => [f.md5, f.sizeBytes])).toEqual([[md5(buffer), buffer.length]]);
  }

  it('continues a small file from its stored bytes after a reload, with no click, on the same session', async () => {
    const tab = await open(1024 * KiB);
    await e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 16 * KiB, times: 1 });
    const small = textPayload('small.txt', 'text/plain', 96 * KiB, 3);
    await pick(tab, [small]);
    await waitPhase(tab, small.name, 'uploading');
    await untilJournal(tab, (rows) => rows[0]?.bytes === 'stored' && rows[0]?.step === 'put');

    await tab.reload();
    if (e2e.engine === 'webkit') {
      // WebKitGTK driven by WebDriver does not keep Blobs in IndexedDB (probed here: the put's
      // transaction fails; its automation sessions use an ephemeral data store, as Safari's
      // private windows do). filedock degrades on purpose: the bytes it could not keep are
      // asked for again, and the upload then continues on the same session.
      const el = await waitPhase(tab, small.name, 'interrupted');
      expect(await tab.attr(el, 'data-interruption')).toBe('choose-again');
      await chooseAgain(tab, small.name, small);
    }
    await waitPhase(tab, small.name, 'completed', 30_000);
    await expectOneCompleted(small.buffer);
    expect(await e2e.server.files()).toHaveLength(1); // the session was reused, not replaced
    expect(await e2e.server.requestsOn('create')).toHaveLength(1);
    await untilJournal(tab, (rows) => rows.length === 0);
  });

  it('asks for a large file again, refuses a different file, and completes with the right one', async () => {
    const tab = await open(4 * KiB);
    await e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 16 * KiB, times: 1 });
    const big = textPayload('big.txt', 'text/plain', 160 * KiB, 5);
    await pick(tab, [big]);
    await waitPhase(tab, big.name, 'uploading');
    await untilJournal(tab, (rows) => rows[0]?.md5 !== undefined && rows[0]?.bytes === 'none');

    await tab.reload();
    const el = await waitPhase(tab, big.name, 'interrupted');
    expect(await tab.attr(el, 'data-interruption')).toBe('choose-again');
    const putsBefore = (await e2e.server.requestsOn('put')).length;

    // Same name, same size, same type: only the content differs (the journal has the MD5).
    await chooseAgain(tab, big.name, textPayload('big.txt', 'text/plain', 160 * KiB, 6));
    await expect.poll(() => tab.attr(el, 'data-error-code'), POLL).toBe('file-mismatch');
    expect(await tab.attr(el, 'data-phase')).toBe('interrupted');
    expect(await e2e.server.requestsOn('put')).toHaveLength(putsBefore);

    await chooseAgain(tab, big.name, big);
    await waitPhase(tab, big.name, 'completed', 30_000);
    expect(await tab.attr(el, 'data-error-code')).toBeNull();
    await expectOneCompleted(big.buffer);
    expect(await e2e.server.requestsOn('create')).toHaveLength(1);
  });
});
