/** Starts the browser of an engine for one test file; each driver is loaded only when used. */
import type { BrowserDriver, EngineName } from './engines.js';

export async function launchEngine(
  engine: EngineName,
  webDriverUrl: string | undefined,
): Promise<BrowserDriver> {
  if (engine === 'chromium') return (await import('./drivers/chromium.js')).launchChromium();
  if (engine === 'firefox') return (await import('./drivers/firefox.js')).launchFirefox();
  if (!webDriverUrl)
    throw new Error('e2e-webkit needs the WebKitWebDriver its global setup starts');
  return (await import('./drivers/webkit.js')).launchWebKit(webDriverUrl);
}
