/**
 * Per-file wiring for e2e tests: one browser of the project's engine for the file, a fresh tab
 * and a reset reference server for each test, and — after each test — the assertion that the
 * page had no uncaught error and no unhandled rejection.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Session } from './browser.js';
import { control, type Control } from './control.js';
import { FILE_INPUT } from './dom.js';
import type { BrowserDriver, EngineName } from './engines.js';
import { launchEngine } from './launch.js';
import { pageUrl, type PageQuery } from './page-url.js';
import { Tab } from './tab.js';

export interface E2e {
  readonly apiUrl: string;
  /** Each service's reference server (`lightfield` is `apiUrl`, the one reset before each test). */
  readonly apiUrls: Record<NonNullable<PageQuery['service']>, string>;
  readonly appUrl: string;
  /** The engine of this vitest project: chromium (`e2e`), firefox, webkit. */
  readonly engine: EngineName;
  readonly server: Control;
  /** The current test's tab (fresh each test). */
  readonly tab: Tab;
  /**
   * Opens the test page with this configuration (against `query.service`'s server, Lightfield's
   * by default) and waits for the uploader.
   */
  open(query?: PageQuery): Promise<Tab>;
  /** Chromium only, for the tests not yet ported to `tab` (see browser.ts): Playwright's page. */
  readonly page: Page;
  /** Chromium only, as `page`: Playwright's context and page, with the page's errors. */
  readonly session: Session;
}

function playwrightOf(tab: Tab | undefined) {
  const found = tab?.playwright;
  if (!found)
    throw new Error(
      "e2e.page and e2e.session are Playwright's, Chromium only: use e2e.tab, which runs in every engine",
    );
  return found;
}

export function useE2e(): E2e {
  const apiUrl = inject('e2eApiUrl');
  const apiUrls = inject('e2eApiUrls');
  const appUrl = inject('e2eAppUrl');
  const engine = inject('e2eEngine');
  const server = control(apiUrl);
  let browser: BrowserDriver | undefined;
  let tab: Tab | undefined;

  beforeAll(async () => {
    browser = await launchEngine(engine, inject('e2eWebDriverUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await server.reset();
    tab = new Tab(engine, await browser!.newTab());
  });
  afterEach(async () => {
    const current = tab;
    tab = undefined;
    if (!current) return;
    try {
      expect(await current.errors(), 'page errors and unhandled rejections').toEqual([]);
    } finally {
      await current.close();
    }
  });

  return {
    apiUrl,
    apiUrls,
    appUrl,
    engine,
    server,
    get tab() {
      return tab!;
    },
    get page() {
      return playwrightOf(tab).page;
    },
    get session(): Session {
      const current = tab!;
      const { context, page } = playwrightOf(current);
      return {
        context,
        page,
        pageErrors: current.protocolErrors ?? [],
        errors: () => current.errors(),
        close: () => current.close(),
      };
    },
    async open(query = {}) {
      await tab!.goto(pageUrl(appUrl, apiUrls[query.service ?? 'lightfield'], query));
      await tab!.waitFor({ css: FILE_INPUT }, { what: 'the uploader' });
      return tab!;
    },
  };
}
