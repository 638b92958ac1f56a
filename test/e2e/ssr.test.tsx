/**
 * Server rendering: the page's tree (FilesProvider + FileUploader + FileList, from the public
 * entry) is rendered to a string in Node, served in place of ssr.html's outlet, and hydrated
 * with hydrateRoot. Hydration must raise no recoverable error and log nothing, and the hydrated
 * page must then work: the list loads and a picked file uploads.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readConfig } from './app/config.js';
import { makeClient, Tree } from './app/tree.js';
import { css, pick, waitPhase } from './support/dom.js';
import { md5, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import { pageUrl } from './support/page-url.js';
import { seedFiles } from './support/seed.js';

describe('SSR', () => {
  const e2e = useE2e();

  it('renders in Node and hydrates in the browser without mismatches', async () => {
    const seeded = await seedFiles(e2e.apiUrl, [
      textPayload('already-there.txt', 'text/plain', 1234, 30),
    ]);
    const url = pageUrl(e2e.appUrl, e2e.apiUrl, { purpose: 'knowledge_user' }, 'ssr.html');
    const config = readConfig(new URL(url).search);
    const html = renderToString(<Tree client={makeClient(config)} config={config} />);
    expect(html).toContain('data-filedock-uploader');
    expect(html).toContain('data-state="loading"');

    const tab = e2e.tab;
    const key = `t${Date.now()}`;
    const stored = await fetch(`${e2e.appUrl}/__ssr/${key}`, { method: 'POST', body: html });
    expect(stored.status).toBe(204);
    await tab.goto(`${url}&ssr=${key}`);
    // What the server sent is in the document (not rendered afresh by the client).
    expect(await tab.count(css('#root [data-filedock-uploader]'))).toBe(1);

    await tab.waitFor(css('[data-filedock-file-list][data-state="ready"]'), {
      what: 'the list to be ready',
    });
    expect(
      await tab.evaluate(() => (window as unknown as { __hydrated?: boolean }).__hydrated),
    ).toBe(true);
    expect(await tab.count(css(`tr[data-file-id="${seeded[0]!.file.id}"]`))).toBe(1);
    // One uploader, one list: hydration reused the server's nodes rather than adding a second tree.
    expect(await tab.count(css('[data-filedock-uploader]'))).toBe(1);
    expect(await tab.count(css('[data-filedock-file-list]'))).toBe(1);

    const file = textPayload('after-hydration.md', 'text/markdown', 20 * 1024, 31);
    await pick(tab, [file]);
    await waitPhase(tab, file.name, 'completed');
    expect((await e2e.server.files()).find((f) => f.originalFilename === file.name)).toMatchObject({
      status: 'COMPLETED',
      md5: md5(file.buffer),
    });
    // React reports hydration problems through console.error; capture-errors.js records them.
    expect(
      await tab.evaluate(
        () => (window as unknown as { __consoleErrors?: string[] }).__consoleErrors ?? ['missing'],
      ),
    ).toEqual([]);
  });
});
