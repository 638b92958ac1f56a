#!/usr/bin/env node
/**
 * Pack smoke test (`npm run test:pack`): what a user gets from npm, checked black-box.
 *
 *  1. `npm run build`, `npm pack` into a temp dir; a consumer app outside the repo installs the
 *     tarball by path next to react, react-dom, @tanstack/react-query and vite.
 *  2. Node: `filedock/server` in plain ESM; `filedock/core` with every React module unresolvable;
 *     SSR `renderToString` of the Quick start tree; `tsc --noEmit` on every entry's types under
 *     moduleResolution bundler and nodenext.
 *  3. Browser: the reference server from the tarball's bin; the Quick start page built with
 *     `vite build` and served by `vite preview`, then under `vite dev`, each on another origin
 *     than the API; real Chromium uploads a 3 MiB file (MD5 in the Worker) and a refused type.
 *
 * All of it twice: with the peer versions this repo develops against, and with the oldest ones the
 * peer ranges allow (React 18.0, @tanstack/react-query 5.0; production build only).
 *
 * Flags: `--no-build` reuses dist/; `--no-floor` skips the oldest-peers pass; `--keep` leaves the
 * temp dir; env VERBOSE=1 prints details of passing checks too. Exits 1 if any check fails.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage, launchBrowser } from './browser.mjs';
import { consumerPackageJson, files } from './consumer.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const argv = new Set(process.argv.slice(2));
const started = Date.now();
const checks = [];
const children = [];

function record(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  const secs = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  const show = detail && (!ok || process.env.VERBOSE);
  console.log(`${ok ? '  ok ' : 'FAIL '} ${secs}s  ${name}${show ? `\n      ${detail}` : ''}`);
}

/** Runs a command to completion; resolves { code, out } (stdout + stderr). */
function run(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (error) => resolve({ code: -1, out: `${out}${error.message}` }));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Runs a command as one check; a failure stops the run unless `optional` (later checks still apply). */
async function step(name, cmd, args, { optional = false, ...opts } = {}) {
  const { code, out } = await run(cmd, args, opts);
  const clean = out.split('\n').filter((l) => l.trim() && !/Unknown user config|npm warn/.test(l));
  record(name, code === 0, clean.slice(-15).join('\n      '));
  if (code !== 0 && !optional) throw new Error(`${name} failed`);
  return out;
}

/** Starts a long-running child and resolves once `ready` matches its output. */
function startChild(cmd, args, { cwd, env, ready, timeoutMs = 30_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(child);
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`${cmd} ${args.join(' ')} not ready:\n${out}`)),
      timeoutMs,
    );
    const onData = (d) => {
      out += d;
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code}) before it was ready:\n${out}`));
    });
  });
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

/** Vite prints nothing at logLevel 'warn'; wait for the port to answer instead. */
async function startVite(app, args, env) {
  const port = await freePort();
  const vite = join(app, 'node_modules/vite/bin/vite.js');
  const child = spawn(
    process.execPath,
    [vite, ...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: app,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  );
  children.push(child);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite ${args.join(' ')} exited ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return url;
    await new Promise((r) => setTimeout(r, 200)); // polling a port that has no ready event
  }
  throw new Error(`vite ${args.join(' ')} did not answer on ${url}`);
}

async function nodeChecks(app, tag) {
  const node = process.execPath;
  const opts = { cwd: app, optional: true };
  await step(
    `${tag} node: \`filedock/server\` createDevServer in plain ESM`,
    node,
    ['probe-server.mjs'],
    opts,
  );
  await step(
    `${tag} node: \`filedock/core\` loads and hashes with React unresolvable`,
    node,
    ['--import', './no-react.mjs', 'probe-core.mjs'],
    opts,
  );
  await step(
    `${tag} node: SSR renderToString of FilesProvider + FileUploader + FileList`,
    node,
    ['probe-ssr.mjs'],
    opts,
  );
  const tsc = join(app, 'node_modules/typescript/bin/tsc');
  await step(
    `${tag} types: tsc --noEmit, moduleResolution bundler`,
    node,
    [tsc, '-p', 'types/tsconfig.bundler.json'],
    opts,
  );
  await step(
    `${tag} types: tsc --noEmit, moduleResolution nodenext`,
    node,
    [tsc, '-p', 'types/tsconfig.nodenext.json'],
    opts,
  );
}

/** Builds the page for production (and optionally serves it under `vite dev`) and drives it. */
async function browserChecks(browser, app, tag, apiUrl, { dev }) {
  const env = { VITE_FILEDOCK_API: apiUrl };
  const vite = join(app, 'node_modules/vite/bin/vite.js');
  const built = await step(`${tag} vite build (production)`, process.execPath, [vite, 'build'], {
    cwd: app,
    env,
  });
  record(`${tag} vite build prints no warnings`, !/warn/i.test(built), built.trim());
  const targets = [{ label: `${tag} vite preview`, args: ['preview'] }];
  if (dev) targets.push({ label: `${tag} vite dev`, args: [] });
  for (const { label, args } of targets) {
    const appUrl = await startVite(app, args, env);
    for (const c of await checkPage(browser, { label, appUrl, apiUrl }))
      record(c.name, c.ok, c.detail);
  }
}

/** A consumer app in `dir` with the tarball and the given peer versions, installed. */
async function makeConsumer(dir, tarball, versions, tag) {
  await mkdir(dir);
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify(consumerPackageJson(tarball, versions), null, 2),
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const list = ['react', '@tanstack/react-query', '@types/react']
    .map((n) => `${n}@${versions[n]}`)
    .join(', ');
  await step(
    `${tag} npm install of the tarball by path (${list})`,
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: dir },
  );
}

/** The lowest version a `>=x.y.z` / `^x.y.z` peer range allows. */
function floorOf(range) {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range);
  if (!m) throw new Error(`cannot read a floor from the peer range ${range}`);
  return `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`;
}

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'filedock-pack-'));
  console.log(`pack smoke in ${root}`);
  let browser;
  try {
    if (!argv.has('--no-build'))
      await step('library: npm run build', 'npm', ['run', 'build'], { cwd: repo });
    const packed = await step(
      'library: npm pack',
      'npm',
      ['pack', '--json', '--pack-destination', root],
      { cwd: repo },
    );
    const tarball = join(root, JSON.parse(packed.slice(packed.indexOf('[')))[0].filename);

    // "current": the versions this repo develops against (lockfile). "floor": the oldest the
    // peer ranges promise (React 18.0, @tanstack/react-query 5.0), same vite and typescript.
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8'));
    const locked = (name) => lock.packages[`node_modules/${name}`]?.version ?? 'latest';
    const current = new Proxy({}, { get: (_, name) => locked(name) });
    const peers = pkg.peerDependencies;
    const floor = new Proxy(
      {},
      {
        get: (_, name) => {
          if (name in peers) return floorOf(peers[name]);
          if (name === '@types/react' || name === '@types/react-dom')
            return `^${floorOf(peers.react).split('.')[0]}`;
          return locked(name);
        },
      },
    );

    const app = join(root, 'current');
    await makeConsumer(app, tarball, current, '[current]');
    await nodeChecks(app, '[current]');

    const bin = join(app, 'node_modules/.bin/filedock-dev-server');
    const { match } = await startChild(bin, ['--port', '0', '--control', '--quiet'], {
      cwd: app,
      ready: /listening on (http:\/\/\S+)/,
    });
    const apiUrl = match[1];
    record(`bin: filedock-dev-server from the tarball listens on ${apiUrl}`, true);
    browser = await launchBrowser();
    await browserChecks(browser, app, '[current]', apiUrl, { dev: true });

    if (!argv.has('--no-floor')) {
      const old = join(root, 'floor');
      await makeConsumer(old, tarball, floor, '[floor]');
      await nodeChecks(old, '[floor]');
      await browserChecks(browser, old, '[floor]', apiUrl, { dev: false });
    }
  } catch (error) {
    if (!checks.some((c) => !c.ok))
      record('smoke run', false, error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
    for (const child of children) if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    if (argv.has('--keep')) console.log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(
    `\n${checks.length - failed.length} passed, ${failed.length} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

await main();
