/**
 * Helpers for the resume e2e tests: the page with `resume` on, real reloads, the journal as the
 * page's IndexedDB holds it, choosing a file again through the real file chooser, and a second
 * tab in the same browser profile (same origin: same IndexedDB, same Web Locks).
 */
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, pageUrl, type Session } from './support/browser.js';
import { item, POLL } from './support/dom.js';
import type { Payload } from './support/files.js';

export const KiB = 1024;

export function resumeUrl(appUrl: string, apiUrl: string, storeBytesUpTo: number): string {
  return `${pageUrl(appUrl, apiUrl, { list: false })}&resume=1&storeBytesUpTo=${storeBytesUpTo}`;
}

/** Reloads the page for real and waits for the uploader again. */
export async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('[data-filedock-uploader] input[type=file]').waitFor({ state: 'attached' });
}

export interface JournalRow {
  key: string;
  step: string;
  bytes: string;
  md5?: string;
  session?: { id: string; uploadUrl?: string };
}

/**
 * Reads the resume journal (every scope) from the page's IndexedDB. Runs in the page: give it to
 * a Playwright page's or an engine-neutral tab's `evaluate`.
 */
export const readJournalInPage = (): Promise<JournalRow[]> =>
  new Promise<JournalRow[]>((resolve, reject) => {
    const open = indexedDB.open('filedock-resume');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('entries')) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction('entries').objectStore('entries').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as JournalRow[]);
      };
      all.onerror = () => reject(all.error);
    };
  });

/** The resume journal as stored in the page's IndexedDB (every scope). */
export function journal(page: Page): Promise<JournalRow[]> {
  return page.evaluate(readJournalInPage);
}

/** Waits until the journal satisfies `check` (e.g. the MD5 is written, or it is empty). */
export async function untilJournal(
  page: Page,
  check: (rows: JournalRow[]) => boolean,
): Promise<void> {
  await expect.poll(async () => check(await journal(page)), POLL).toBe(true);
}

/**
 * Clicks `Choose <name> again` and gives the real file chooser `payload` (a path on disk picks
 * the real file, with its lastModified, as a user does).
 */
export async function chooseAgain(
  page: Page,
  name: string,
  payload: Payload | string,
): Promise<void> {
  // Together, so a click that fails leaves no chooser wait behind to reject unhandled.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    item(page, name)
      .getByRole('button', { name: `Choose ${name} again` })
      .click(),
  ]);
  await chooser.setFiles(
    typeof payload === 'string'
      ? payload
      : { name: payload.name, mimeType: payload.mimeType, buffer: payload.buffer },
  );
}

/** Writes payloads as real files (one fixed mtime), for picks that keep lastModified. */
export async function onDisk(payloads: Payload[]): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'filedock-resume-'));
  const paths = new Map<string, string>();
  const mtime = new Date('2026-11-30T12:00:00Z');
  for (const payload of payloads) {
    const path = join(dir, payload.name);
    await writeFile(path, payload.buffer);
    await utimes(path, mtime, mtime);
    paths.set(payload.name, path);
  }
  return paths;
}

/** The journal without upload URLs, for failure messages (they are credentials). */
export function redacted(rows: JournalRow[]): unknown[] {
  return rows.map(({ key, step, bytes, md5, session }) => ({
    key,
    step,
    bytes,
    md5,
    session: session?.id,
  }));
}

/** Another tab of the same profile, its page errors collected like the first one's. */
export async function secondTab(session: Session, url: string) {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await openPage({ ...session, page }, url);
  return {
    page,
    async errors() {
      const recorded = await page.evaluate(
        () => (window as unknown as { __errors?: string[] }).__errors ?? [],
      );
      return [...recorded, ...errors];
    },
  };
}

/** Console warnings the page printed, for the degrade tests. */
export function collectWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}
