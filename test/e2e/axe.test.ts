/**
 * axe-core on the test page's main states, in each engine: the idle uploader with an empty list,
 * and a busy page (an upload held mid-PUT, a failed one, a rejected one, a completed one, a list
 * with COMPLETED and PENDING rows). axe runs in the page (its source injected), so each engine's
 * own DOM, accessibility-relevant styles and computed names are what it judges.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { css, pick, waitPhase } from './support/dom.js';
import { textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import { seedFiles } from './support/seed.js';
import type { Tab } from './support/tab.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

async function violations(tab: Tab): Promise<string[]> {
  await tab.evaluate((source) => {
    if ((window as unknown as { axe?: unknown }).axe) return;
    const script = document.createElement('script');
    script.textContent = source;
    document.head.append(script);
  }, axeSource);
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // `region` judges a whole page's landmarks; the test page is a bare host for the components.
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      rules: { region: { enabled: false } },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

describe('axe', () => {
  const e2e = useE2e();

  it('finds nothing on the idle uploader and empty list', async () => {
    const tab = await e2e.open({ purpose: 'knowledge_user' });
    await tab.waitFor(css('[data-filedock-file-list][data-state]'));
    expect(await violations(tab)).toEqual([]);
  });

  it('finds nothing on a busy page: uploading, failed, rejected, completed, and list rows', async () => {
    await seedFiles(
      e2e.apiUrl,
      [
        textPayload('seeded.txt', 'text/plain', 2048, 40),
        textPayload('pending.txt', 'text/plain', 512, 41),
      ],
      { pending: (p) => p.name === 'pending.txt' },
    );
    const tab = await e2e.open({ purpose: 'knowledge_user' });

    await e2e.server.addFaults({ route: 'create', status: 403, times: 1 });
    const denied = textPayload('denied.txt', 'text/plain', 1024, 42);
    await pick(tab, [denied]);
    await waitPhase(tab, denied.name, 'failed');

    // The first PUT from here on crawls, so `held.txt` stays uploading while axe looks.
    await e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 1024, times: 1 });
    const held = textPayload('held.txt', 'text/plain', 256 * 1024, 43);
    await pick(tab, [held]);
    await waitPhase(tab, held.name, 'uploading');
    // Its PUT is the one being throttled (in flight on the server) before another file starts.
    await e2e.server.until(
      () => e2e.server.requestsOn('put'),
      (puts) => puts.some((put) => put.endedAt === null),
      'the held PUT to be in flight',
    );
    const done = textPayload('done.txt', 'text/plain', 4096, 44);
    const png = {
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]),
    };
    await pick(tab, [done, png]);
    await waitPhase(tab, done.name, 'completed');
    await waitPhase(tab, png.name, 'rejected');
    // The list refreshed after the completion: the seeded rows and the new ones.
    await tab.waitUntil(
      () => document.querySelectorAll('[data-filedock-file-list] tr[data-file-id]').length,
      undefined,
      (rows) => rows >= 3,
      { what: 'the list to show the new files' },
    );

    expect(await violations(tab)).toEqual([]);
    // The held upload was still on its way while axe looked.
    expect(
      await tab.attr({ css: '[data-filedock-upload]', hasText: held.name }, 'data-phase'),
    ).toBe('uploading');
  });
});
