/**
 * Per-file wiring for e2e tests: one Chromium for the file, a fresh context and a reset
 * reference server for each test, and — after each test — the assertion that the page had no
 * uncaught error and no unhandled rejection.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import {
  launchBrowser,
  openPage,
  openSession,
  pageUrl,
  type PageQuery,
  type Session,
} from './browser.js';
import { control, type Control } from './control.js';

export interface E2e {
  readonly apiUrl: string;
  readonly appUrl: string;
  readonly server: Control;
  /** The current test's page (a fresh context each test). */
  readonly page: Page;
  readonly session: Session;
  /** Opens the test page with this configuration and waits for the uploader. */
  open(query?: PageQuery): Promise<Page>;
}

export function useE2e(options: { acceptDownloads?: boolean } = {}): E2e {
  const apiUrl = inject('e2eApiUrl');
  const appUrl = inject('e2eAppUrl');
  const server = control(apiUrl);
  let browser: Browser | undefined;
  let session: Session | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await server.reset();
    session = await openSession(browser!, options);
  });
  afterEach(async () => {
    const current = session;
    session = undefined;
    if (!current) return;
    try {
      expect(await current.errors(), 'page errors and unhandled rejections').toEqual([]);
    } finally {
      await current.close();
    }
  });

  return {
    apiUrl,
    appUrl,
    server,
    get page() {
      return session!.page;
    },
    get session() {
      return session!;
    },
    async open(query = {}) {
      await openPage(session!, pageUrl(appUrl, apiUrl, query));
      return session!.page;
    },
  };
}
