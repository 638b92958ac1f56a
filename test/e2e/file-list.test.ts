/**
 * FileList over a workspace with more than one page of files (seeded from Node): 25 rows a page,
 * Previous/Next disabled at the ends, every file on exactly one page, and a download whose bytes
 * equal the source.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { POLL } from './support/dom.js';
import { binaryPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import { seedFiles } from './support/seed.js';

const COUNT = 27;

/** A PENDING file shows its status and offers no download. */
async function expectPendingRow(page: Page, id: string): Promise<void> {
  const row = page.locator(`tr[data-file-id="${id}"]`);
  expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('PENDING');
  expect(await row.getByRole('button').count()).toBe(0);
}

describe('FileList', () => {
  const e2e = useE2e({ acceptDownloads: true });

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
    const page = await e2e.open({ list: true });

    const list = page.locator('[data-filedock-file-list]');
    const rows = list.locator('tr[data-file-id]');
    const previous = list.getByRole('button', { name: 'Previous page' });
    const next = list.getByRole('button', { name: 'Next page' });

    await list.and(page.locator('[data-state="ready"]')).waitFor();
    await expect.poll(() => rows.count(), POLL).toBe(25);
    expect(await previous.isDisabled()).toBe(true);
    expect(await next.isEnabled()).toBe(true);
    const firstPage = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-file-id')),
    );
    const pendingId = seeded.find((s) => s.payload.name === 'seed-26.bin')!.file.id;
    if (firstPage.includes(pendingId)) await expectPendingRow(page, pendingId);

    await next.click();
    await expect.poll(() => rows.count(), POLL).toBe(COUNT - 25);
    expect(await next.isDisabled()).toBe(true);
    expect(await previous.isEnabled()).toBe(true);
    const secondPage = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-file-id')),
    );
    expect([...firstPage, ...secondPage].sort()).toEqual(seeded.map((s) => s.file.id).sort());
    if (secondPage.includes(pendingId)) await expectPendingRow(page, pendingId);

    // Download a COMPLETED file of this page.
    const target = seeded.find(
      (s) => secondPage.includes(s.file.id) && s.file.status === 'COMPLETED',
    )!;
    const row = page.locator(`tr[data-file-id="${target.file.id}"]`);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('COMPLETED');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Download ${target.file.filename}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(target.file.filename);
    const bytes = await readFile((await download.path())!);
    expect(bytes.equals(target.payload.buffer)).toBe(true);
    const downloads = (await e2e.server.requests()).filter(
      (r) => r.route === 'download' && r.method === 'GET',
    );
    expect(downloads.map((r) => [r.fileId, r.status])).toEqual([[target.file.id, 200]]);

    // Back to the first page: the same rows as before.
    await previous.click();
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file-id'))), POLL)
      .toEqual(firstPage);
  });
});
