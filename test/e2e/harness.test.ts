/**
 * The e2e harness itself: the page's error capture really sees uncaught errors and unhandled
 * rejections, so the "no page errors" check after every test cannot pass vacuously; and the page
 * is on another origin than the API.
 */
import { describe, expect, it } from 'vitest';
import { POLL } from './support/dom.js';
import { useE2e } from './support/harness.js';

describe('e2e harness', () => {
  const e2e = useE2e();

  it('serves the page and the API from different origins', async () => {
    const page = await e2e.open({ list: false });
    const origin = await page.evaluate(() => window.location.origin);
    expect(origin).toBe(e2e.appUrl);
    expect(origin).not.toBe(new URL(e2e.apiUrl).origin);
  });

  it('records uncaught errors and unhandled rejections on the page', async () => {
    const page = await e2e.open({ list: false });
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('planted uncaught error');
      });
      void Promise.reject(new Error('planted rejection'));
    });
    await expect
      .poll(() => e2e.session.errors().then((errors) => errors.length), POLL)
      .toBeGreaterThanOrEqual(3);
    const errors = (await e2e.session.errors()).join('\n');
    expect(errors).toContain('unhandledrejection: Error: planted rejection');
    expect(errors).toContain('error: Error: planted uncaught error');
    expect(errors).toContain('pageerror: Error: planted uncaught error');
    // Planted on purpose: clear them so this test's own afterEach check passes.
    await page.evaluate(() => {
      (window as unknown as { __errors: string[] }).__errors.length = 0;
    });
    e2e.session.pageErrors.length = 0;
    expect(await e2e.session.errors()).toEqual([]);
  });
});
