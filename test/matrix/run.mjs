#!/usr/bin/env node
/**
 * Consumer matrix (`npm run test:matrix [apps…]`): filedock's packed tarball in small apps built
 * by each bundler or framework users build with, each installed like a user's app (its own
 * package.json and lockfile, `npm ci`, then the tarball), built, served, and driven in Chromium
 * against the reference server from the tarball (`filedock/server`). Per app it proves:
 *
 *  - an upload of a 3 MiB file completes, and the server holds it with the right MD5;
 *  - the MD5 ran in a Worker: the emitted `md5.worker` file, or the inline Worker (a Blob URL)
 *    where the bundler emitted none; never the main-thread fallback (its console warning);
 *  - the network side (axios, the upload pipeline) arrived in a lazy chunk, not in the entry
 *    (the scripts the HTML names and everything they import statically);
 *  - filedock/styles.css applied (the drop area's dashed border);
 *  - no console errors or warnings, page errors or failed requests, other than the 404 of a
 *    worker file the bundler did not emit when the inline Worker then ran;
 *  - Next.js: the page is server-rendered (the file input is in the HTML), hydrates without a
 *    warning, and filedock's components are rendered from a Server Component (which only builds
 *    if they carry 'use client'); the API is reached through a route handler built on
 *    `filedock/proxy`; built with webpack and with Turbopack, served by `next start`.
 *
 * Apps run one after another (builds are CPU-heavy). Prints each app's install, build and run
 * time, and a summary table. Flags: `--tarball <tgz>` uses a packed tarball instead of building
 * and packing the repository; `--no-build` packs the existing dist/; `--ci` runs the CI subset.
 * Exits 1 if any check fails.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Apps are built outside the repository, as a user's app would be: inside it, esbuild and webpack
 * read the repository's tsconfig.json, whose `paths` point `filedock` at src/. The copies (and
 * their node_modules) persist between runs, so an unchanged lockfile skips `npm ci`.
 */
const workRoot = process.env.FILEDOCK_MATRIX_DIR ?? join(tmpdir(), 'filedock-matrix');
const OUTPUTS = new Set(['node_modules', 'dist', '.next', '.parcel-cache']);

/** Every app, in run order; `variants` are the builds of one install (Next: webpack, Turbopack). */
const APPS = {
  vite: { variants: [{ name: 'vite', build: 'build', serve: 'static' }] },
  webpack: { variants: [{ name: 'webpack', build: 'build', serve: 'static' }] },
  esbuild: {
    variants: [
      { name: 'esbuild', build: 'build', serve: 'static', expect: 'inline (blob:)' },
      // The same build under a strict Content-Security-Policy that allows what the README says.
      { name: 'esbuild-csp', serve: 'static', csp: true, expect: 'inline (blob:)' },
      // The same build with the Worker file copied next to it and named by setMd5WorkerUrl.
      {
        name: 'esbuild-self-hosted',
        serve: 'static',
        query: '&md5Worker=/static/filedock-md5.worker.js',
        expect: 'emitted file',
      },
    ],
  },
  next: {
    variants: [
      { name: 'next-webpack', build: 'build:webpack', serve: 'next' },
      { name: 'next-turbopack', build: 'build:turbopack', serve: 'next' },
    ],
  },
  rspack: { variants: [{ name: 'rspack', build: 'build', serve: 'static' }] },
  rollup: { variants: [{ name: 'rollup', build: 'build', serve: 'static' }] },
  parcel: { variants: [{ name: 'parcel', build: 'build', serve: 'static' }] },
};
/** What CI runs (.ci/run): the rest takes too long for its budget on 2 cores. */
const CI_APPS = ['vite', 'webpack', 'esbuild', 'next'];

/** Strings only filedock's network side holds: axios's own error text, and the upload pipeline's. */
const LAZY_MARKERS = {
  axios: 'Request failed with status code',
  'upload pipeline': 'expired before it was completed',
};
const MAIN_THREAD_WARNING = /filedock: MD5 runs on the main thread/;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const named = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--tarball');
const selected = named.length ? named : flag('--ci') ? CI_APPS : Object.keys(APPS);
for (const name of selected) if (!APPS[name]) throw new Error(`unknown app ${name}`);

const started = Date.now();
const checks = [];
const timings = [];
const children = new Set();

function record(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  const secs = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  const show = detail && (!ok || process.env.VERBOSE);
  console.log(`${ok ? '  ok ' : 'FAIL '} ${secs}s  ${name}${show ? `\n      ${detail}` : ''}`);
}

/** Runs a command to completion; resolves { code, out, seconds }. */
function run(cmd, args, { cwd, env } = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const done = (code) => resolve({ code, out, seconds: (Date.now() - t0) / 1000 });
    child.on('error', (error) => {
      out += error.message;
      done(-1);
    });
    child.on('close', done);
  });
}

const tail = (out, n = 20) =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .slice(-n)
    .join('\n      ');

/** A long-running child in its own process group, stopped with the run. */
function startChild(cmd, args, { cwd, env }) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  children.add(child);
  return { child, output: () => out };
}

function stopChild(child) {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
  children.delete(child);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForUrl(url, child, output) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output()}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250)); // a port has no ready event
  }
  throw new Error(`${url} did not answer:\n${output()}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * The policy the README documents for filedock under a CSP: `worker-src blob:` for the inline
 * Worker, `'wasm-unsafe-eval'` for hash-wasm, `connect-src` for the API.
 */
const cspFor = (apiUrl) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self' ${apiUrl}; img-src 'self' data:`;

/** A plain static server for a build output, as any static host would serve it. */
async function serveStatic(dir, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** 3 MiB of text (over the 1 MiB Worker threshold), different per run. */
function bigTextFile(label) {
  const line = `${`filedock matrix ${label} ${Date.now()} `.padEnd(63, '.')}\n`;
  const buffer = Buffer.from(line.repeat(Math.ceil((3 * 1024 * 1024) / line.length)));
  return {
    name: `matrix-${label}.txt`,
    mimeType: 'text/plain',
    buffer,
    md5: createHash('md5').update(buffer).digest('hex'),
  };
}

/** Static `import … from` / `export … from` / `import '…'` specifiers of an ES module. */
function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${},\s]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.add(m[1]);
  return found;
}

/** The scripts the document names (script src, modulepreload) and their static-import closure. */
function initialScripts(html, pageUrl, bodies) {
  const initial = new Set();
  const queue = [];
  const attr = (tag, name) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const src = tag.startsWith('<script') ? attr(tag, 'src') : undefined;
    const preload = /^<link/i.test(tag) && attr(tag, 'rel') === 'modulepreload';
    const url = src ?? (preload ? attr(tag, 'href') : undefined);
    if (url) queue.push(new URL(url.replaceAll('&amp;', '&'), pageUrl).href);
  }
  while (queue.length) {
    const url = queue.pop();
    if (initial.has(url)) continue;
    initial.add(url);
    const body = bodies.get(url);
    if (body) for (const spec of staticImports(body)) queue.push(new URL(spec, url).href);
  }
  return initial;
}

/** Drives one built app in Chromium; returns the worker kind seen (for the summary). */
async function checkApp(browser, { label, appUrl, apiUrl, next, expect }) {
  const check = (name, ok, detail = '') => record(`${label}: ${name}`, ok, detail);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  const warnings = [];
  const consoleProblems = [];
  const bodies = new Map();
  const responses = new Map();
  const pending = [];
  let documentHtml = '';
  page.on('console', (msg) => {
    if (MAIN_THREAD_WARNING.test(msg.text())) warnings.push(msg.text());
    if (msg.type() === 'error' || msg.type() === 'warning')
      consoleProblems.push({
        text: `console.${msg.type()}: ${msg.text()} (${msg.location().url})`,
        url: msg.location().url,
      });
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (req) =>
    consoleProblems.push({
      text: `requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`,
      url: req.url(),
    }),
  );
  page.on('response', (res) => {
    const url = res.url();
    const type = res.headers()['content-type'] ?? '';
    responses.set(url, { status: res.status(), type });
    if (res.request().resourceType() === 'document' && url.startsWith(appUrl.split('?')[0]))
      pending.push(res.text().then((t) => (documentHtml ||= t)));
    if (/javascript/.test(type) && res.status() === 200)
      pending.push(
        res.text().then(
          (t) => bodies.set(url, t),
          () => {},
        ),
      );
  });
  const workers = [];
  page.on('worker', (worker) => {
    workers.push(worker.url());
    worker.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`worker console.error: ${msg.text()}`);
    });
  });

  let kind = 'none';
  try {
    if (next) {
      const html = await (await fetch(appUrl)).text();
      check(
        'server-rendered HTML holds the uploader (file input, drop area)',
        /<input[^>]+type="file"/.test(html) && /filedock-dropzone-area/.test(html),
        html.slice(0, 200),
      );
    }
    await page.goto(appUrl, { waitUntil: 'load' });
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    // Hydration is done once React has attached its handlers; a click-free probe: the drop area
    // reacts to keyboard focus only after hydration. Give React a moment, then read the console.
    await page.waitForFunction(() => {
      const area = document.querySelector('.filedock-dropzone-area');
      return area && Object.keys(area).some((k) => k.startsWith('__react'));
    });
    const styled = await page.evaluate(() => {
      const area = document.querySelector('.filedock-dropzone-area');
      return area ? getComputedStyle(area).borderTopStyle : 'no drop area';
    });
    check(
      'filedock/styles.css applied (dashed drop area)',
      styled === 'dashed',
      `border-top-style=${styled}`,
    );

    const file = bigTextFile(label.replace(/\W+/g, '-'));
    await input.setInputFiles([{ name: file.name, mimeType: file.mimeType, buffer: file.buffer }]);
    const item = page.locator('[data-filedock-upload]', { hasText: file.name });
    await item.locator('xpath=self::*[@data-phase="completed" or @data-phase="failed"]').waitFor();
    const phase = await item.getAttribute('data-phase');
    const { files } = await (await fetch(`${apiUrl}/_control/files`)).json();
    const stored = files.find((f) => f.originalFilename === file.name);
    check(
      '3 MiB upload completes; the server holds it with its MD5',
      phase === 'completed' && stored?.status === 'COMPLETED' && stored.md5 === file.md5,
      `phase=${phase} error=${await item.getAttribute('data-error-code')} stored=${JSON.stringify(stored && { status: stored.status, md5: stored.md5 })} expected=${file.md5}`,
    );

    // Which Worker hashed: a script the bundler emitted (served as JavaScript), or the inline
    // one (a Blob URL) after the emitted one was missing.
    // (Turbopack starts Workers through a bootstrap script whose URL carries a `#params` fragment.)
    const served = workers
      .filter((u) => /^https?:/.test(u))
      .map((u) => ({ u, ...responses.get(u.split('#')[0]) }));
    const urlWorker = served.find((w) => w.status === 200 && /javascript/.test(w.type ?? ''));
    const inline = workers.some((u) => u.startsWith('blob:'));
    kind = urlWorker ? 'emitted file' : inline ? 'inline (blob:)' : 'none';
    if (warnings.length) kind = 'main thread';
    check(
      `MD5 ran in a Worker (${kind}), not on the main thread`,
      (urlWorker || inline) && warnings.length === 0,
      `workers=${JSON.stringify(served)}${inline ? ' + blob:' : ''} warnings=${JSON.stringify(warnings)}`,
    );
    if (expect) check(`the MD5 Worker is the ${expect} one`, kind === expect, `it was: ${kind}`);
    // The worker file a bundler did not emit answers 404 once: the inline Worker's cue, expected.
    const expected = new Set(inline ? served.filter((w) => w.status >= 400).map((w) => w.u) : []);
    for (const [url, { status }] of responses)
      if (status >= 400 && !expected.has(url)) problems.push(`HTTP ${status} ${url}`);
    for (const c of consoleProblems) if (!expected.has(c.url)) problems.push(c.text);
    if (expected.size)
      record(`${label}: (expected) ${[...expected].join(', ')} answered 404`, true);

    await Promise.all(pending);
    const initial = initialScripts(documentHtml, page.url(), bodies);
    const lazy = [];
    for (const [what, marker] of Object.entries(LAZY_MARKERS)) {
      const holders = [...bodies].filter(([, body]) => body.includes(marker)).map(([u]) => u);
      const inEntry = holders.filter((u) => initial.has(u));
      lazy.push({ what, ok: holders.length > 0 && inEntry.length === 0, holders, inEntry });
    }
    check(
      'network side (axios, upload pipeline) in lazy chunks, not in the entry',
      lazy.every((l) => l.ok),
      `${initial.size} initial scripts; ${lazy
        .map(
          (l) =>
            `${l.what}: in ${l.holders.map((u) => u.split('/').pop()).join(', ') || 'no loaded script'}${l.inEntry.length ? ' (ENTRY)' : ''}`,
        )
        .join('; ')}`,
    );

    if (next) {
      const paths = [...responses.keys()].map((u) => new URL(u));
      const viaProxy = paths.filter((u) => u.pathname.startsWith('/api/lightfield/v1/files'));
      const direct = paths.filter((u) => u.origin === apiUrl && u.pathname.startsWith('/v1/'));
      check(
        'API calls went through the filedock/proxy route handler, none to the API itself',
        viaProxy.length >= 3 && direct.length === 0,
        `via proxy: ${viaProxy.map((u) => u.pathname).join(', ')}; direct: ${direct.join(', ')}`,
      );
    }

    const row = stored ? page.locator(`[data-file-id="${stored.id}"]`) : undefined;
    await row?.waitFor().catch(() => {});
    check('FileList shows the uploaded file', row && (await row.count()) === 1);
  } catch (error) {
    check(
      'page flow',
      false,
      error instanceof Error ? error.message.split('\n')[0] : String(error),
    );
  } finally {
    check(
      next
        ? 'hydrates and runs with no console errors or warnings, page errors or failed requests'
        : 'no console errors or warnings, page errors or failed requests',
      problems.length === 0,
      problems.join('\n      '),
    );
    await context.close();
  }
  return kind;
}

async function lockHash(dir) {
  return createHash('sha256')
    .update(await readFile(join(dir, 'package-lock.json')))
    .digest('hex');
}

/** `npm ci` of the app's own dependencies (skipped when its lockfile is unchanged), then the tarball. */
async function install(dir, tarball, name) {
  const stamp = join(dir, 'node_modules/.matrix-lock-sha256');
  const want = await lockHash(dir);
  const have = existsSync(stamp) ? (await readFile(stamp, 'utf8')).trim() : '';
  let seconds = 0;
  if (have !== want) {
    const ci = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
    });
    seconds += ci.seconds;
    record(`${name}: npm ci (${ci.seconds.toFixed(1)}s)`, ci.code === 0, tail(ci.out));
    if (ci.code !== 0) return { ok: false, seconds };
    await writeFile(stamp, `${want}\n`);
  }
  const add = await run(
    'npm',
    ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball],
    { cwd: dir },
  );
  seconds += add.seconds;
  record(`${name}: npm install --no-save <tarball>`, add.code === 0, tail(add.out));
  return { ok: add.code === 0, seconds };
}

let reference;
/** The reference server from the installed tarball (`filedock/server`), started once. */
async function referenceServer(dir) {
  if (reference) return reference;
  const require = createRequire(join(dir, 'package.json'));
  const { createDevServer } = await import(pathToFileURL(require.resolve('filedock/server')).href);
  reference = await createDevServer({ port: 0, control: true, rateLimit: false });
  record(`reference server (filedock/server from the tarball) on ${reference.url}`, true);
  return reference;
}

async function runVariant(browser, dir, variant, apiUrl) {
  const build = variant.build
    ? await run('npm', ['run', variant.build], { cwd: dir })
    : { code: 0, out: '(the build above)', seconds: 0 };
  const buildOut = build.out.replace(/npm warn .*\n/g, '');
  if (variant.build)
    record(
      `${variant.name}: build (${build.seconds.toFixed(1)}s)`,
      build.code === 0,
      tail(buildOut),
    );
  if (process.env.VERBOSE) console.log(tail(buildOut, 60));
  if (build.code !== 0) return { build: build.seconds, run: 0, kind: 'build failed' };
  const t0 = Date.now();
  let kind;
  if (variant.serve === 'next') {
    const port = await freePort();
    const { child, output } = startChild(
      'npx',
      ['next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      { cwd: dir, env: { FILEDOCK_API: apiUrl } },
    );
    try {
      const appUrl = `http://127.0.0.1:${port}/`;
      await waitForUrl(appUrl, child, output);
      kind = await checkApp(browser, { label: variant.name, appUrl, apiUrl, next: true });
    } catch (error) {
      record(`${variant.name}: next start`, false, String(error));
    } finally {
      stopChild(child);
    }
  } else {
    const headers = variant.csp ? { 'content-security-policy': cspFor(apiUrl) } : {};
    const server = await serveStatic(join(dir, 'dist'), headers);
    try {
      const appUrl = `${server.url}?api=${encodeURIComponent(apiUrl)}${variant.query ?? ''}`;
      kind = await checkApp(browser, {
        label: variant.name,
        appUrl,
        apiUrl,
        next: false,
        expect: variant.expect,
      });
    } finally {
      server.close();
    }
  }
  return { build: build.seconds, run: (Date.now() - t0) / 1000, kind };
}

async function main() {
  const temp = await mkdtemp(join(tmpdir(), 'filedock-matrix-'));
  let browser;
  try {
    let tarball = option('--tarball');
    if (!tarball) {
      if (!flag('--no-build')) {
        const b = await run('npm', ['run', 'build'], { cwd: repo });
        record(`library: npm run build (${b.seconds.toFixed(1)}s)`, b.code === 0, tail(b.out));
        if (b.code !== 0) throw new Error('build failed');
      }
      const p = await run('npm', ['pack', '--json', '--pack-destination', temp], { cwd: repo });
      record('library: npm pack', p.code === 0, tail(p.out));
      if (p.code !== 0) throw new Error('pack failed');
      tarball = join(temp, JSON.parse(p.out.slice(p.out.indexOf('[')))[0].filename);
    }
    browser = await chromium.launch({
      executablePath: process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    for (const name of selected) {
      const dir = join(workRoot, name);
      await mkdir(dir, { recursive: true });
      for (const out of OUTPUTS)
        if (out !== 'node_modules') await rm(join(dir, out), { recursive: true, force: true });
      await cp(join(here, name), dir, {
        recursive: true,
        filter: (source) => !OUTPUTS.has(source.split('/').pop()),
      });
      const installed = await install(dir, tarball, name);
      if (!installed.ok) {
        for (const v of APPS[name].variants)
          timings.push({ app: v.name, install: installed.seconds, kind: 'install failed' });
        continue;
      }
      const { url: apiUrl } = await referenceServer(dir);
      for (const [i, variant] of APPS[name].variants.entries()) {
        const result = await runVariant(browser, dir, variant, apiUrl);
        timings.push({ app: variant.name, install: i === 0 ? installed.seconds : 0, ...result });
      }
    }
  } catch (error) {
    record('matrix run', false, error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
    await reference?.close();
    for (const child of children) stopChild(child);
    await rm(temp, { recursive: true, force: true });
  }

  const failed = checks.filter((c) => !c.ok);
  const appFailed = (app) => failed.some((c) => c.name.startsWith(`${app}:`));
  console.log('\n| app | install | build | run | total | MD5 Worker | result |');
  console.log('|---|---:|---:|---:|---:|---|---|');
  for (const t of timings) {
    const total = (t.install ?? 0) + (t.build ?? 0) + (t.run ?? 0);
    const s = (n) => `${(n ?? 0).toFixed(1)} s`;
    console.log(
      `| ${t.app} | ${s(t.install)} | ${s(t.build)} | ${s(t.run)} | ${s(total)} | ${t.kind ?? ''} | ${appFailed(t.app) ? 'FAIL' : 'pass'} |`,
    );
  }
  console.log(
    `\n${checks.length - failed.length} passed, ${failed.length} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

await main();
