/**
 * The three engines the e2e suite runs in, one vitest project each: `e2e` (Chromium, driven by
 * playwright-core), `e2e-firefox` (Debian's firefox-esr over WebDriver BiDi, puppeteer-core) and
 * `e2e-webkit` (WebKitGTK's MiniBrowser through WebKitWebDriver, webdriverio). Every test file
 * under test/e2e runs in all three; a test that cannot hold in one engine says why in the test.
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/** The vitest project of each engine. */
export const PROJECT_OF: Record<EngineName, string> = {
  chromium: 'e2e',
  firefox: 'e2e-firefox',
  webkit: 'e2e-webkit',
};

/**
 * E2e files (paths from the repository root) that run in Chromium only, with the reason shown in
 * RELIABILITY.md: they are written against Playwright's Page API (file chooser events, init
 * scripts, a second tab of one context), which only the Chromium driver has, and are not yet
 * ported to the engine-neutral tab (tab.ts). Every other file under test/e2e runs in all three.
 */
export const CHROMIUM_ONLY_E2E: Record<string, string> = {
  'test/e2e/resume.test.ts':
    "written against Playwright's Page API (file chooser, init scripts, second tab); not yet ported to the engine-neutral driver",
  'test/e2e/resume-chaos.test.ts':
    "written against Playwright's Page API (file chooser, reloads); not yet ported to the engine-neutral driver",
};

export const ENGINE_LABEL: Record<EngineName, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'WebKit',
};

export function engineOfProject(project: string): EngineName {
  const found = ENGINES.find((engine) => PROJECT_OF[engine] === project);
  if (!found) throw new Error(`no e2e engine for the vitest project ${project}`);
  return found;
}

/** One browser, for one test file. */
export interface BrowserDriver {
  readonly engine: EngineName;
  /** A fresh tab with no cookies or storage left from an earlier test. */
  newTab(): Promise<RawTab>;
  close(): Promise<void>;
}

/** The few things only the protocol can do; everything else goes through `run` in the page. */
export interface RawTab {
  goto(url: string): Promise<void>;
  /** Reloads the page, as the user's reload button does. */
  reload(): Promise<void>;
  /**
   * Evaluates `expression` (source text) in the page and resolves with its value (awaited if it
   * is a promise). Errors come back as values: see `evaluate` in tab.ts.
   */
  run(expression: string): Promise<unknown>;
  /** Sets the files of `<input type=file>` matched by `selector`, as a user's pick from disk. */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** A real (protocol) click on the element matched by `selector`. */
  click(selector: string): Promise<void>;
  /** Chromium only: Playwright's page and context, for the tests not yet ported (browser.ts). */
  readonly playwright?: {
    context: import('playwright-core').BrowserContext;
    page: import('playwright-core').Page;
  };
  /** Uncaught page errors the protocol reports; `null` where it has no such event. */
  readonly protocolErrors: string[] | null;
  close(): Promise<void>;
}
