/**
 * Debian's firefox-esr over WebDriver BiDi with puppeteer-core (no geckodriver, no browser
 * download): one browser per test file, a fresh browser context (BiDi user context) per tab.
 */
import puppeteer from 'puppeteer-core';
import type { BrowserDriver, RawTab } from '../engines.js';

export const FIREFOX_PATH = process.env.FILEDOCK_FIREFOX ?? '/usr/bin/firefox-esr';

export async function launchFirefox(): Promise<BrowserDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
  });
  return {
    engine: 'firefox',
    async newTab(): Promise<RawTab> {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const protocolErrors: string[] = [];
      // puppeteer wraps the BiDi log entry's text (already "Error: message") in an Error of its own.
      page.on('pageerror', (error) =>
        protocolErrors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`),
      );
      return {
        protocolErrors,
        goto: async (url) => {
          await page.goto(url);
        },
        reload: async () => {
          await page.reload();
        },
        run: (expression) => page.evaluate(expression),
        setFiles: async (selector, paths) => {
          const input = await page.$(selector);
          if (!input) throw new Error(`no element matches ${selector}`);
          await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(
            ...paths,
          );
          await input.dispose();
        },
        click: (selector) => page.click(selector),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
