/** Chromium through playwright-core: one browser per test file, a fresh context per tab. */
import { chromium } from 'playwright-core';
import type { BrowserDriver, RawTab } from '../engines.js';

export const CHROMIUM_PATH = process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<BrowserDriver> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    engine: 'chromium',
    async newTab(): Promise<RawTab> {
      const context = await browser.newContext();
      const page = await context.newPage();
      const protocolErrors: string[] = [];
      page.on('pageerror', (error) =>
        protocolErrors.push(`pageerror: ${error.stack ?? error.message}`),
      );
      return {
        playwright: { context, page },
        protocolErrors,
        goto: async (url) => {
          await page.goto(url);
        },
        reload: async () => {
          await page.reload();
        },
        run: (expression) => page.evaluate(expression),
        setFiles: (selector, paths) => page.setInputFiles(selector, paths),
        click: (selector) => page.click(selector),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
