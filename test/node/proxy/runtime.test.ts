/**
 * `filedock/proxy` runs wherever fetch does (Node 20+, edge runtimes, Bun, Deno): no module of
 * it outside `node/` may import a Node built-in or lean on Node globals. And it refuses to start
 * with a setup that would expose the key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFilesProxy, type FilesProxyOptions } from '../../../src/proxy/index.js';
import { API_KEY, BASE, call, headerAuthorize, makeProxy, startUpstream } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../src/proxy/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('runtime-neutral core', () => {
  it('imports no Node built-in and uses no Buffer, require or __dirname', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(10);
    const builtins = new Set(builtinModules);
    for (const file of files) {
      // Code only: comments (a JSDoc example reading process.env) are not run.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
      for (const spec of imports) {
        const bare = !spec.startsWith('.');
        expect(
          bare && (spec.startsWith('node:') || builtins.has(spec)),
          `${relative(ROOT, file)} imports ${spec}`,
        ).toBe(false);
        // Only its own modules and core's dependency-free constants: nothing from npm either.
        expect(bare, `${relative(ROOT, file)} imports package ${spec}`).toBe(false);
      }
      expect(text, relative(ROOT, file)).not.toMatch(
        /\bBuffer\.|\brequire\(|__dirname|\bprocess\.env/,
      );
    }
  });
});

describe('start-up checks', () => {
  const base: FilesProxyOptions = {
    api: 'lightfield',
    apiKey: API_KEY,
    basePath: BASE,
    authorize: headerAuthorize,
  };
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['an unknown api', { api: 'openai' as never }],
    ['an empty key', { apiKey: '' }],
    ['a key with a line break (header injection)', { apiKey: 'sk\r\nx-evil: 1' }],
    ['a base path with ..', { basePath: '/api/../admin' }],
    ['a base path that is not a path', { basePath: 'api' }],
    ['an upstream with a query', { upstream: 'https://api.lightfield.app/?x=1' }],
    ['an upstream with credentials', { upstream: 'https://user:pw@api.lightfield.app' }],
    ['a non-http upstream', { upstream: 'file:///etc/passwd' }],
    ['a CORS origin with a path', { cors: { origins: ['https://app.example.com/path'] } }],
    ['a negative JSON cap', { maxJsonBytes: -1 }],
  ])('refuses %s', (_name, over) => {
    expect(() => createFilesProxy({ ...base, ...over })).toThrow(TypeError);
  });

  it('serves one anonymous admin without authorize only with the flag and NODE_ENV=development', async () => {
    const upstream = await startUpstream();
    const anonymous = {
      api: 'lightfield',
      apiKey: API_KEY,
      basePath: BASE,
      upstream: upstream.url,
    } as const;
    vi.stubEnv('NODE_ENV', 'development');
    expect(() => createFilesProxy(anonymous)).toThrow(/authorize/);
    const proxy = createFilesProxy({ ...anonymous, dangerouslyAllowAnonymous: true });
    expect((await call(proxy, 'GET', '/v1/files', { user: null })).status).toBe(200);
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => createFilesProxy({ ...anonymous, dangerouslyAllowAnonymous: true })).toThrow(
      /authorize/,
    );
  });

  it('an authorize that throws answers 500 and logs it; a malformed principal is 401', async () => {
    const upstream = await startUpstream();
    const throwing = makeProxy(upstream.url, {
      authorize: () => {
        throw new Error(`session store down (key ${API_KEY})`);
      },
    });
    const answer = await call(throwing.proxy, 'GET', '/v1/files');
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('internal_error');
    expect(throwing.logs.some((l) => l.level === 'error')).toBe(true);
    expect(JSON.stringify(throwing.logs)).not.toContain(API_KEY);
    const odd = makeProxy(upstream.url, { authorize: () => ({ id: '' }) });
    expect((await call(odd.proxy, 'GET', '/v1/files')).status).toBe(401);
  });
});
