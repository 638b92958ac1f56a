/**
 * Playwright's own API, for the e2e tests written before the engine-neutral driver (tab.ts) and
 * not yet ported to it: they run in Chromium only (vitest.config.ts lists them, with the reason,
 * in `CHROMIUM_ONLY_E2E`). `e2e.session` / `e2e.page` hand them the Chromium driver's Playwright
 * page and context; new tests use `e2e.tab`, which runs in every engine.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { FILE_INPUT } from './dom.js';

export { type PageQuery, pageUrl } from './page-url.js';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Page errors seen by Playwright (uncaught exceptions). */
  pageErrors: string[];
  /** Everything the page recorded in window.__errors, plus `pageErrors`. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens the test page and waits until the uploader is interactive. */
export async function openPage(session: Pick<Session, 'page'>, url: string): Promise<void> {
  await session.page.goto(url);
  await session.page.locator(FILE_INPUT).waitFor({ state: 'attached' });
}
