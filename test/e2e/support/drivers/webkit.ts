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

/**
 * A new session; one that has not answered in 20 s is asked for again. Under a loaded machine a
 * new-session request now and then never got an answer (1 in ~20); the driver runs with
 * --replace-on-new-session (webkit-server.ts), so the second request replaces the stuck one.
 */
async function openSession(url: URL): Promise<WebdriverIO.Browser> {
  const attempt = () =>
    remote({
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
  let timer: NodeJS.Timeout | undefined;
  const first = attempt();
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 20_000);
  });
  try {
    const won = await Promise.race([first, timedOut]);
    if (won !== 'timeout') return won;
  } finally {
    clearTimeout(timer);
  }
  // Whatever the stuck request yields later is replaced; keep its outcome from going unhandled.
  first.catch(() => undefined);
  return attempt();
}

export async function launchWebKit(driverUrl: string): Promise<BrowserDriver> {
  const url = new URL(driverUrl);
  return {
    engine: 'webkit',
    async newTab(): Promise<RawTab> {
      const browser = await openSession(url);
      return {
        protocolErrors: null,
        goto: async (target) => {
          await browser.url(target);
        },
        reload: async () => {
          await browser.refresh();
        },
        // A WebDriver script is a function body; WebDriver awaits the promise it returns.
        run: (expression) => browser.execute(`return ${expression};`),
        setFiles: async (selector, paths) => {
          const input = await browser.$(selector);
          // On an input with `multiple`, WebDriver's Element Send Keys adds to the files already
          // selected; a user's new pick replaces them, so the selection is emptied first.
          await browser.execute(
            (el: HTMLInputElement) => {
              el.value = '';
            },
            input as unknown as HTMLInputElement,
          );
          // One path per line.
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
