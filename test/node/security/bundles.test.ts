/**
 * No secret ships: the built library (vite build of the real config, into a temporary outDir)
 * and a production build of the demo contain no API key and read no secret from the
 * environment. The browser entries must not touch `process.env` at all; the Node-only entries
 * (server, CLI) may read their own settings, but never a key.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const KEY = /sk_lf_[A-Za-z0-9_]+|sk_(live|test)_[A-Za-z0-9]{8,}/;
const SECRET_ENV =
  /(process\.env|import\.meta\.env)\s*(\.|\[\s*['"])\s*\w*(KEY|SECRET|TOKEN|PASSWORD|AUTH)\w*/i;

let outDir = '';
let demoDir = '';

async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /\.(m?js|css|html)$/.test(e.name));
  return Promise.all(
    files.map(async (e) => ({
      path: join(e.parentPath, e.name),
      text: await readFile(join(e.parentPath, e.name), 'utf8'),
    })),
  );
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'filedock-lib-'));
  demoDir = await mkdtemp(join(tmpdir(), 'filedock-demo-'));
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  await build({
    root: join(root, 'demo'),
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    // What `npm run dev` injects: the API's URL, never a key.
    define: { 'import.meta.env.FILEDOCK_API_URL': JSON.stringify('http://127.0.0.1:4010') },
    build: { outDir: demoDir, emptyOutDir: true, minify: false },
  });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(demoDir, { recursive: true, force: true });
});

describe('the built library', () => {
  it('holds no API key and reads no secret-named variable from the environment', async () => {
    const files = await filesUnder(outDir);
    expect(files.map((f) => f.path.slice(outDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['index.js', 'core.js', 'server.js']),
    );
    for (const { path, text } of files) {
      expect({ path, key: KEY.exec(text)?.[0] }).toEqual({ path, key: undefined });
      expect({ path, env: SECRET_ENV.exec(text)?.[0] }).toEqual({ path, env: undefined });
    }
  });

  it('its browser entries never read process.env or import.meta.env', async () => {
    const files = await filesUnder(outDir);
    const browser = files.filter((f) => /(^|\/)(index|core|testing)\.js$/.test(f.path));
    expect(browser.length).toBeGreaterThanOrEqual(2);
    for (const { path, text } of browser) {
      expect({ path, env: /process\.env|import\.meta\.env/.exec(text)?.[0] }).toEqual({
        path,
        env: undefined,
      });
    }
  });
});

describe('the demo bundle', () => {
  it('holds no API key, no Authorization value and no secret-named variable', async () => {
    const files = await filesUnder(demoDir);
    expect(files.some((f) => f.path.endsWith('.js'))).toBe(true);
    for (const { path, text } of files) {
      expect({ path, key: KEY.exec(text)?.[0] }).toEqual({ path, key: undefined });
      expect({ path, env: SECRET_ENV.exec(text)?.[0] }).toEqual({ path, env: undefined });
      expect({ path, bearer: /Bearer\s+sk_/.exec(text)?.[0] }).toEqual({ path, bearer: undefined });
    }
  });
});

describe('the sources', () => {
  it('only the Node entries (server, CLI) read process.env, and none reads a key from it', async () => {
    const entries = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
    const offenders: string[] = [];
    for (const e of entries.filter((x) => x.isFile() && /\.tsx?$/.test(x.name))) {
      const path = join(e.parentPath, e.name);
      const text = await readFile(path, 'utf8');
      const rel = path.slice(root.length);
      if (SECRET_ENV.test(text) || KEY.test(text)) offenders.push(`${rel}: secret`);
      if (/process\.env|import\.meta\.env/.test(text) && !/^src\/(server\/|cli\.ts)/.test(rel))
        offenders.push(`${rel}: reads the environment`);
    }
    expect(offenders).toEqual([]);
    expect(entries.length).toBeGreaterThan(50);
  });
});
