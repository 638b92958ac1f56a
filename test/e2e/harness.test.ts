/**
 * The e2e harness itself: the page's error capture really sees uncaught errors and unhandled
 * rejections, so the "no page errors" check after every test cannot pass vacuously; the page is
 * on another origin than the API; and the driver's clicks and picks are real ones.
 */
import { describe, expect, it } from 'vitest';
import { FILE_INPUT, POLL } from './support/dom.js';
import { textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';

describe('e2e harness', () => {
  const e2e = useE2e();

  it('serves the page and the API from different origins', async () => {
    const tab = await e2e.open({ list: false });
    const origin = await tab.evaluate(() => window.location.origin);
    expect(origin).toBe(e2e.appUrl);
    expect(origin).not.toBe(new URL(e2e.apiUrl).origin);
    expect(await tab.evaluate(() => navigator.userAgent)).toMatch(
      { chromium: /Chrome\//, firefox: /Firefox\//, webkit: /AppleWebKit\/(?!.*Chrome\/)/ }[
        e2e.engine
      ],
    );
  });

  it('records uncaught errors and unhandled rejections on the page', async () => {
    const tab = await e2e.open({ list: false });
    await tab.evaluate(() => {
      setTimeout(() => {
        throw new Error('planted uncaught error');
      });
      void Promise.reject(new Error('planted rejection'));
    });
    // The page records both. Chromium's and Firefox's protocols report the uncaught error as
    // well, and Firefox's BiDi log the unhandled rejection too. (WebKitWebDriver speaks classic
    // WebDriver, which has no page-error event: there the page's own record is the whole check.)
    const expected = [
      'unhandledrejection: Error: planted rejection',
      'error: Error: planted uncaught error',
      ...(tab.protocolErrors === null ? [] : ['pageerror: Error: planted uncaught error']),
      ...(e2e.engine === 'firefox' ? ['pageerror: Error: planted rejection'] : []),
    ];
    await expect
      .poll(async () => {
        const errors = (await tab.errors()).join('\n');
        return expected.filter((line) => !errors.includes(line));
      }, POLL)
      .toEqual([]);
    // Planted on purpose: clear them so this test's own afterEach check passes.
    await tab.evaluate(() => {
      (window as unknown as { __errors: string[] }).__errors.length = 0;
    });
    tab.protocolErrors?.splice(0);
    expect(await tab.errors()).toEqual([]);
  });

  it('picks files from disk through the real input, with their bytes and names', async () => {
    const tab = await e2e.open({ list: false, purpose: 'meeting_transcript' });
    await tab.evaluate((selector) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const seen: Array<{ name: string; size: number; text: string }> = [];
      (window as unknown as { __picked: typeof seen }).__picked = seen;
      input.addEventListener('change', () => {
        for (const file of Array.from(input.files ?? []))
          void file.text().then((text) => seen.push({ name: file.name, size: file.size, text }));
      });
    }, FILE_INPUT);
    const files = [
      textPayload('one.txt', 'text/plain', 100, 1),
      textPayload('two.txt', 'text/plain', 2000, 2),
    ];
    await tab.pick(FILE_INPUT, files);
    const picked = await tab.waitUntil(
      () => (window as unknown as { __picked: Array<{ name: string }> }).__picked,
      undefined,
      (seen) => seen.length === 2,
      { what: 'both picked files read back' },
    );
    expect(picked).toEqual(
      files.map((f) => ({ name: f.name, size: f.buffer.length, text: f.buffer.toString() })),
    );
  });
});
