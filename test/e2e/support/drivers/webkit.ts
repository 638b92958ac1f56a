/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver, webdriverio's `remote()`),
 * the driver started under xvfb-run by the project's global setup (webkit-server.ts).
 *
 * A WebDriver session per tab, so per test: it is the only way to a browser with nothing left
 * from an earlier test (cookies, storage, and caches such as the CORS preflight cache, which a
 * reused session keeps). It costs ~2–3 s a test; WebKitWebDriver runs one session at a time, so
 * the next cannot be started ahead. Classic WebDriver has no page-error event: `protocolErrors`
 * is null and the page's own window.__errors is the whole check.
 */
import { remote } from 'webdriverio';
import type { BrowserDriver, RawTab } from '../engines.js';

export const MINIBROWSER_PATH =
  process.env.FILEDOCK_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export async function launchWebKit(driverUrl: string): Promise<BrowserDriver> {
  const url = new URL(driverUrl);
  return {
    engine: 'webkit',
    async newTab(): Promise<RawTab> {
      const browser = await remote({
        hostname: url.hostname,
        port: Number(url.port),
        logLevel: 'error',
        // A failed command must not be sent again: a retried script would run twice in the page.
        connectionRetryCount: 0,
        capabilities: {
          // WebKitWebDriver speaks classic WebDriver only (no BiDi websocket).
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
        } as WebdriverIO.Capabilities,
      });
      return {
        protocolErrors: null,
        goto: async (target) => {
          await browser.url(target);
        },
        // A WebDriver script is a function body; WebDriver awaits the promise it returns.
        run: (expression) => browser.execute(`return ${expression};`),
        setFiles: async (selector, paths) => {
          const input = await browser.$(selector);
          // WebDriver's Element Send Keys on a file input: one path per line.
          await browser.elementSendKeys(await input.elementId, paths.join('\n'));
        },
        click: async (selector) => {
          await browser.$(selector).click();
        },
        close: async () => {
          await browser.deleteSession();
        },
      };
    },
    close: async () => {},
  };
}
