/**
 * What every browser figure shares: the page built by esbuild (with filedock's MD5 worker emitted
 * next to it, where `new URL('./md5.worker.js', import.meta.url)` looks), a static server for it,
 * the reference Files API server, and headless Chromium, all on loopback.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BROWSER_BUNDLE } from './esbuild-options.js';
import { benchProxy, pageAndProxies } from './page-server.js';
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
      peers: join(ROOT, 'bench/page/peers.tsx'),
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
  copyFileSync(join(ROOT, 'bench/page/peers.html'), join(OUT, 'peers.html'));
  copyFileSync(join(ROOT, 'src/components/styles.css'), join(OUT, 'styles.css'));
}

function listen(server: Server): Promise<string> {
  return new Promise((resolveUrl) =>
    server.listen(0, '127.0.0.1', () =>
      resolveUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** Where the page reaches `filedock/proxy` in front of the reference server: its own origin. */
export const PROXY_BASE = '/api/lightfield';

export interface Harness {
  browser: Browser;
  api: DevServer;
  /** LlamaCloud and xAI reference servers (P8), each also behind the proxy at `/api/<name>`. */
  direct: Record<'llamacloud' | 'xai', DevServer>;
  pageUrl: string;
  /** The page's origin (the static server, with the proxy mounted at PROXY_BASE). */
  pageOrigin: string;
  chromiumVersion: string;
  /** A fresh page with the bench app loaded and `window.bench` ready. */
  newPage(): Promise<Page>;
  /** A fresh page with the peers (Uppy, react-uploady) loaded and `window.peers` ready. */
  newPeerPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  await buildPage();
  const api = await createDevServer({ port: 0, rateLimit: false });
  // The production proxy, same origin as the page (so no CORS preflights), in front of the same
  // reference server: one user, rate shares off like the server's own limit.
  const direct = {
    llamacloud: await createDevServer({ api: 'llamacloud', port: 0, rateLimit: false }),
    xai: await createDevServer({ api: 'xai', port: 0, rateLimit: false }),
  };
  const proxies = [
    benchProxy('lightfield', api.url),
    benchProxy('llamacloud', direct.llamacloud.url),
    benchProxy('xai', direct.xai.url),
  ];
  const statics = createServer(pageAndProxies(OUT, proxies));
  const staticUrl = await listen(statics);
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
  const pageUrl = `${staticUrl}/?api=${encodeURIComponent(api.url)}&llamacloud=${encodeURIComponent(direct.llamacloud.url)}&xai=${encodeURIComponent(direct.xai.url)}`;
  return {
    browser,
    api,
    direct,
    pageUrl,
    pageOrigin: staticUrl,
    chromiumVersion: browser.version(),
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('  page error:', error.message));
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'bench' in window);
      return page;
    },
    async newPeerPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('  peer page error:', error.message));
      await page.goto(pageUrl.replace('/?', '/peers.html?'));
      await page.waitForFunction(() => 'peers' in window);
      return page;
    },
    async close() {
      await browser.close();
      await api.close();
      await direct.llamacloud.close();
      await direct.xai.close();
      await new Promise((r) => statics.close(r));
    },
  };
}
