/**
 * Screenshots of the main states, light and dark, from a built Storybook:
 *   npm run build-storybook && npx tsx .storybook/screenshots.ts [storybook-static] [docs/screenshots]
 * Each story's play function brings it to its state; the shot is taken once Storybook reports the
 * render past its play function (phase `completing`/`completed`), never after a fixed wait.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(process.argv[2] ?? 'storybook-static');
const out = resolve(process.argv[3] ?? 'docs/screenshots');

const SHOTS: Array<[id: string, file: string, dark?: boolean]> = [
  ['fileuploader--idle', 'uploader-idle'],
  ['fileuploader--uploading-40', 'uploader-uploading'],
  ['fileuploader--failed-storage-403', 'uploader-failed'],
  ['fileuploader--rejected-type', 'uploader-rejected'],
  ['fileuploader-variants--dark-theme', 'uploader-mixed-dark', true],
  ['state-matrix--upload-items', 'upload-items'],
  ['state-matrix--upload-items-dark', 'upload-items-dark', true],
  ['filelist--many-pages', 'file-list'],
  ['filelist--dark-theme', 'file-list-dark', true],
  // Locales (#15): one right-to-left and one CJK locale, uploader busy and a paged list.
  ['locales--right-to-left-arabic', 'locale-ar-rtl'],
  ['locales--japanese', 'locale-ja'],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address() as { port: number };

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
});
try {
  for (const [id, name, dark] of SHOTS) {
    const page = await browser.newPage({
      viewport: { width: 720, height: 480 },
      colorScheme: dark ? 'dark' : 'light',
    });
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
    // `completing` follows `played` (the play function has finished); outside the manager UI the
    // render may wait there for it, so either phase means the story shows its state.
    await page.waitForFunction(
      () =>
        ['completing', 'completed'].includes(
          (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
            .__STORYBOOK_PREVIEW__?.currentRender?.phase ?? '',
        ),
      undefined,
      { timeout: 15_000 },
    );
    if (dark) await page.evaluate(() => document.body.style.setProperty('background', '#0d1117'));
    await page.locator('#storybook-root').screenshot({ path: join(out, `${name}.png`) });
    await page.close();
    console.log(`${name}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
