/**
 * Chromium for the e2e tests: one browser per test file, a fresh context per test, and the page's
 * errors (window.__errors, filled by app/public/capture-errors.js, plus Playwright's pageerror)
 * collected so each test can assert there were none.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface PageQuery {
  purpose?: string;
  maxFiles?: number;
  strict?: boolean;
  checksum?: boolean;
  list?: boolean;
  limit?: number;
}

export function pageUrl(
  appUrl: string,
  apiUrl: string,
  query: PageQuery = {},
  entry = 'index.html',
): string {
  const params = new URLSearchParams({ api: apiUrl });
  if (query.purpose) params.set('purpose', query.purpose);
  if (query.maxFiles !== undefined) params.set('maxFiles', String(query.maxFiles));
  if (query.strict) params.set('strict', '1');
  if (query.checksum === false) params.set('checksum', '0');
  if (query.list === false) params.set('list', '0');
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return `${appUrl}/${entry}?${params.toString()}`;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Page errors seen by Playwright (uncaught exceptions). */
  pageErrors: string[];
  /** Everything the page recorded in window.__errors, plus `pageErrors`. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openSession(
  browser: Browser,
  options: { acceptDownloads?: boolean } = {},
): Promise<Session> {
  const context = await browser.newContext({ acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.stack ?? error.message}`));
  return {
    context,
    page,
    pageErrors,
    async errors() {
      const recorded = page.isClosed()
        ? []
        : await page.evaluate(
            () =>
              (window as unknown as { __errors?: string[] }).__errors ?? [
                'window.__errors missing',
              ],
          );
      return [...recorded, ...pageErrors];
    },
    close: () => context.close(),
  };
}

/** Opens the test page and waits until the uploader is interactive. */
export async function openPage(session: Session, url: string): Promise<void> {
  await session.page.goto(url);
  await session.page
    .locator('[data-filedock-uploader] input[type=file]')
    .waitFor({ state: 'attached' });
}
