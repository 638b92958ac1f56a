/**
 * FileList over a workspace with more than one page of files (seeded from Node): 25 rows a page,
 * Previous/Next disabled at the ends, every file on exactly one page, and a download whose bytes
 * equal the source.
 *
 * The download is checked at the hand-over to the browser, the same way in every engine: the
 * page records the `<a download>` the button clicks (and keeps the browser from saving it), and
 * the test fetches that link as the browser's download would. Saving to disk is the browser's own
 * business, and only Chromium's protocol here reports downloads.
 */
import { describe, expect, it } from 'vitest';
import { button, css, inside, POLL } from './support/dom.js';
import { binaryPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import type { Query } from './support/page-queries.js';
import { seedFiles } from './support/seed.js';
import type { Tab } from './support/tab.js';

const COUNT = 27;
const list = css('[data-filedock-file-list]');
const rows = inside(list, css('tr[data-file-id]'));
const row = (id: string): Query => css(`tr[data-file-id="${id}"]`);

/** A PENDING file shows its status and offers no download. */
async function expectPendingRow(tab: Tab, id: string): Promise<void> {
  expect(await tab.attr(inside(row(id), css('[data-status]')), 'data-status')).toBe('PENDING');
  expect(await tab.count(inside(row(id), { role: 'button' }))).toBe(0);
}

describe('FileList', () => {
  const e2e = useE2e();

  it('pages through the files and downloads one', async () => {
    const payloads = Array.from({ length: COUNT }, (_, i) =>
      binaryPayload(
        `seed-${String(i).padStart(2, '0')}.bin`,
        'application/octet-stream',
        2048 + i * 97,
        100 + i,
      ),
    );
    const seeded = await seedFiles(e2e.apiUrl, payloads, {
      pending: (p) => p.name === 'seed-26.bin',
    });
    const tab = await e2e.open({ list: true });
    const previous = button('Previous page', list);
    const next = button('Next page', list);

    await tab.waitFor(css('[data-filedock-file-list][data-state="ready"]'));
    await expect.poll(() => tab.count(rows), POLL).toBe(25);
    expect((await tab.state(previous))?.disabled).toBe(true);
    expect((await tab.state(next))?.disabled).toBe(false);
    const firstPage = await tab.attrs(rows, 'data-file-id');
    const pendingId = seeded.find((s) => s.payload.name === 'seed-26.bin')!.file.id;
    if (firstPage.includes(pendingId)) await expectPendingRow(tab, pendingId);

    await tab.click(next);
    await expect.poll(() => tab.count(rows), POLL).toBe(COUNT - 25);
    expect((await tab.state(next))?.disabled).toBe(true);
    expect((await tab.state(previous))?.disabled).toBe(false);
    const secondPage = await tab.attrs(rows, 'data-file-id');
    expect([...firstPage, ...secondPage].sort()).toEqual(seeded.map((s) => s.file.id).sort());
    if (secondPage.includes(pendingId)) await expectPendingRow(tab, pendingId);

    // Download a COMPLETED file of this page.
    const target = seeded.find(
      (s) => secondPage.includes(s.file.id) && s.file.status === 'COMPLETED',
    )!;
    expect(await tab.attr(inside(row(target.file.id), css('[data-status]')), 'data-status')).toBe(
      'COMPLETED',
    );
    await tab.evaluate(() => {
      const seen: Array<{ href: string; download: string }> = [];
      (window as unknown as { __downloads: typeof seen }).__downloads = seen;
      window.addEventListener(
        'click',
        (event) => {
          const link = event.target instanceof HTMLAnchorElement ? event.target : null;
          if (!link?.hasAttribute('download')) return;
          event.preventDefault();
          seen.push({ href: link.href, download: link.download });
        },
        true,
      );
    });
    await tab.click(button(`Download ${target.file.filename}`, row(target.file.id)));
    const [link] = await tab.waitUntil(
      () =>
        (window as unknown as { __downloads: Array<{ href: string; download: string }> })
          .__downloads,
      undefined,
      (seen) => seen.length > 0,
      { what: 'the download link' },
    );
    expect(link!.download).toBe(target.file.filename);
    const res = await fetch(link!.href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(target.file.filename);
    expect(Buffer.from(await res.arrayBuffer()).equals(target.payload.buffer)).toBe(true);
    const downloads = (await e2e.server.requests()).filter(
      (r) => r.route === 'download' && r.method === 'GET',
    );
    expect(downloads.map((r) => [r.fileId, r.status])).toEqual([[target.file.id, 200]]);

    // Back to the first page: the same rows as before.
    await tab.click(previous);
    await expect.poll(() => tab.attrs(rows, 'data-file-id'), POLL).toEqual(firstPage);
  });
});
