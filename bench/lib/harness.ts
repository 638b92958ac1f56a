/**
 * What every browser figure shares: the page built by esbuild (with filedock's MD5 worker emitted
 * next to it, where `new URL('./md5.worker.js', import.meta.url)` looks), a static server for it,
 * the reference Files API server, and headless Chromium, all on loopback.
 */
import { copyFileSync, createReadStream, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BROWSER_BUNDLE } from './esbuild-options.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDevServer, type DevServer } from '../../src/server/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench/.build/page');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function buildPage(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: {
      app: join(ROOT, 'bench/page/app.tsx'),
      'md5.worker': join(ROOT, 'src/core/checksum/md5.worker.ts'),
      'hash-wasm': join(ROOT, 'bench/page/hash-wasm.ts'),
    },
    ...BROWSER_BUNDLE,
    outdir: OUT,
    logLevel: 'error',
    // The production build of React: the Profiler still reports commits in it only with the
    // profiling build, so P5 uses react-dom's profiling entry.
    alias: { 'react-dom/client': 'react-dom/profiling' },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(join(ROOT, 'bench/page/index.html'), join(OUT, 'index.html'));
  copyFileSync(join(ROOT, 'src/components/styles.css'), join(OUT, 'styles.css'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

function listen(server: Server): Promise<string> {
  return new Promise((resolveUrl) =>
    server.listen(0, '127.0.0.1', () =>
      resolveUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

export interface Harness {
  browser: Browser;
  api: DevServer;
  pageUrl: string;
  chromiumVersion: string;
  /** A fresh page with the bench app loaded and `window.bench` ready. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  await buildPage();
  const statics = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(OUT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(OUT)) return void res.writeHead(404).end();
    const stream = createReadStream(file);
    stream.once('open', () => {
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      stream.pipe(res);
    });
    stream.once('error', () => res.writeHead(404).end());
  });
  const staticUrl = await listen(statics);
  const api = await createDevServer({ port: 0, rateLimit: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  const pageUrl = `${staticUrl}/?api=${encodeURIComponent(api.url)}`;
  return {
    browser,
    api,
    pageUrl,
    chromiumVersion: browser.version(),
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('  page error:', error.message));
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'bench' in window);
      return page;
    },
    async close() {
      await browser.close();
      await api.close();
      await new Promise((r) => statics.close(r));
    },
  };
}
