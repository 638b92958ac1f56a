/** What a user does and sees on the test page, through the DOM contract in PUBLIC-API.md. */
import type { Locator, Page } from 'playwright-core';
import type { Payload } from './files.js';

/** A file to drop: real bytes, or `size` zero bytes made in the page (cheap for huge files). */
export type DropSpec = Payload | { name: string; mimeType: string; size: number };

export function fileInput(page: Page): Locator {
  return page.locator('[data-filedock-uploader] input[type=file]');
}

/** Picks files through the real `<input type=file>`. */
export async function pick(page: Page, files: Payload[]): Promise<void> {
  await fileInput(page).setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.buffer })),
  );
}

/**
 * Drags files over the drop area and drops them: dragenter, dragover and drop carry one
 * DataTransfer built in the page, as the browser does for a drag from the desktop.
 */
export async function drop(page: Page, files: DropSpec[]): Promise<void> {
  type Spec =
    | { name: string; mimeType: string; base64: string }
    | { name: string; mimeType: string; size: number };
  const specs = files.map(
    (f): Spec =>
      'buffer' in f
        ? { name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }
        : { name: f.name, mimeType: f.mimeType, size: f.size },
  );
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes =
        'base64' in f
          ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
          : new Uint8Array(f.size);
      dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    return dt;
  }, specs);
  const zone = dropArea(page);
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await transfer.dispose();
}

export function dropArea(page: Page): Locator {
  return page.getByRole('button', { name: /^Upload files/ });
}

/** The upload list item of the file picked as `name`. */
export function item(page: Page, name: string): Locator {
  return page.locator('[data-filedock-upload]').filter({ hasText: name });
}

/** Waits until the item of `name` is in `phase` (and fails fast with the phase it is in). */
export async function waitPhase(
  page: Page,
  name: string,
  phase: string,
  timeout = 20_000,
): Promise<Locator> {
  const el = item(page, name);
  await el.and(page.locator(`[data-phase="${phase}"]`)).waitFor({ timeout });
  return el;
}

/** For expect.poll on page state: a UI update may wait on a server round trip under a busy CPU. */
export const POLL = { timeout: 10_000, interval: 50 } as const;
