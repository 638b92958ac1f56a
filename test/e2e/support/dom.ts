/** What a user does and sees on the test page, through the DOM contract in PUBLIC-API.md. */
import type { Locator, Page } from 'playwright-core';
import type { Payload } from './files.js';
import type { Query } from './page-queries.js';
import { Tab } from './tab.js';

// Each helper takes a Tab (every engine) or, for the tests not yet ported to the engine-neutral
// driver, Playwright's Page (Chromium only; see browser.ts).

/** A file to drop: real bytes, or `size` zero bytes made in the page (cheap for huge files). */
export type DropSpec = Payload | { name: string; mimeType: string; size: number };

export const FILE_INPUT = '[data-filedock-uploader] input[type=file]';

export const css = (selector: string): Query => ({ css: selector });

/** By ARIA role and accessible name (a string is an exact match). */
export function byRole(role: string, name?: string | RegExp, within?: Query): Query {
  return {
    role,
    ...(name === undefined
      ? {}
      : { name: typeof name === 'string' ? name : { source: name.source, flags: name.flags } }),
    ...(within ? { within } : {}),
  };
}

/** `query` looked for inside the first match of `root`. */
export const inside = (root: Query, query: Query): Query => ({ ...query, within: root });

export const button = (name: string | RegExp, within?: Query): Query =>
  byRole('button', name, within);

/** Picks files through the real `<input type=file>`, as from disk. */
export async function pick(tab: Tab | Page, files: Payload[]): Promise<void> {
  if (tab instanceof Tab) await tab.pick(FILE_INPUT, files);
  else
    await tab
      .locator(FILE_INPUT)
      .setInputFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.buffer })));
}

export const DROP_AREA: Query = byRole('button', /^Upload files/);

/**
 * Drags files over the drop area and drops them: dragenter, dragover and drop carry one
 * DataTransfer built in the page, as the browser does for a drag from the desktop. (No protocol
 * of the three drags files from outside the page.)
 */
export async function drop(tab: Tab, files: DropSpec[]): Promise<void> {
  // (Playwright-API tests have no drops; only a Tab takes them.)
  const specs = files.map((f) =>
    'buffer' in f
      ? { name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }
      : { name: f.name, mimeType: f.mimeType, size: f.size },
  );
  await tab.evaluate(
    ({ list, target }) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes =
          'base64' in f && f.base64 !== undefined
            ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
            : new Uint8Array(f.size ?? 0);
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      const e2e = (window as unknown as { __e2e: import('./page-queries.js').PageQueries }).__e2e;
      const [zone] = e2e.all(target);
      if (!zone) throw new Error('no drop area');
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(
          new DragEvent(type, {
            bubbles: true,
            cancelable: true,
            composed: true,
            dataTransfer: dt,
          }),
        );
      return dt.files.length;
    },
    {
      list: specs as Array<{ name: string; mimeType: string; base64?: string; size?: number }>,
      target: DROP_AREA,
    },
  );
}

/** The upload list item of the file picked as `name`. */
export function item(name: string): Query;
export function item(page: Page, name: string): Locator;
export function item(a: string | Page, b?: string): Query | Locator {
  if (typeof a === 'string') return { css: '[data-filedock-upload]', hasText: a };
  return a.locator('[data-filedock-upload]').filter({ hasText: b! });
}

/** Waits until the item of `name` is in `phase`; the timeout's message says the phase it was in. */
export async function waitPhase(
  tab: Tab,
  name: string,
  phase: string,
  timeout?: number,
): Promise<Query>;
export async function waitPhase(
  page: Page,
  name: string,
  phase: string,
  timeout?: number,
): Promise<Locator>;
export async function waitPhase(
  tab: Tab | Page,
  name: string,
  phase: string,
  timeout = 20_000,
): Promise<Query | Locator> {
  if (!(tab instanceof Tab)) {
    const el = item(tab, name);
    await el.and(tab.locator(`[data-phase="${phase}"]`)).waitFor({ timeout });
    return el;
  }
  const query = item(name);
  await tab.waitUntil(
    (q) => {
      const [el] = (
        window as unknown as { __e2e: import('./page-queries.js').PageQueries }
      ).__e2e.all(q);
      if (!el) return { phase: 'no item' };
      // The phase, and for the timeout's message what the item says besides.
      return {
        phase: el.getAttribute('data-phase'),
        interruption: el.getAttribute('data-interruption'),
        error: el.getAttribute('data-error-code'),
        text: el.textContent,
      };
    },
    query,
    (seen) => seen.phase === phase,
    { timeout, what: `${name} to be ${phase}` },
  );
  return query;
}

/** For expect.poll on page state: a UI update may wait on a server round trip under a busy CPU. */
export const POLL = { timeout: 10_000, interval: 50 } as const;
