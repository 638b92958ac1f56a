/**
 * Starts, for the whole e2e project, the reference server (control endpoint on, no rate limit)
 * and a Vite dev server for the test page in test/e2e/app. They listen on different ports of
 * 127.0.0.1, so the page and the API are different origins and every API call is a real CORS
 * request. Tests read both URLs with `inject('e2eApiUrl')` / `inject('e2eAppUrl')`. The LlamaCloud
 * and xAI reference servers (one multipart request per upload) run beside it, on ports of their
 * own: `inject('e2eApiUrls')` has all three, by service (the page's `?service=`).
 *
 * The same setup serves the three engine projects (`e2e`, `e2e-firefox`, `e2e-webkit`), each with
 * servers of its own; it provides the engine (`inject('e2eEngine')`) and, for WebKit, starts
 * WebKitWebDriver under xvfb-run (`inject('e2eWebDriverUrl')`) and stops it at teardown.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { createDevServer } from '../../src/server/index.js';
import { filedockAliases } from './aliases.js';
import { engineOfProject } from './support/engines.js';
import { startWebKitDriver, type WebKitServer } from './support/webkit-server.js';
import { ssrOutlet } from './ssr-outlet.js';

const root = fileURLToPath(new URL('./app/', import.meta.url));
// Its own dependency cache per engine project: the demo, Storybook, vitest's browser mode and the
// other engines' projects keep theirs elsewhere, and a shared one would be re-optimised under this
// suite's feet.
const cacheDirOf = (project: string): string =>
  fileURLToPath(
    new URL(
      `../../node_modules/.vite/${project === 'e2e' ? 'filedock-e2e' : `filedock-${project}`}`,
      import.meta.url,
    ),
  );

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = engineOfProject(project.name);
  const webkit: WebKitServer | undefined =
    engine === 'webkit' ? await startWebKitDriver() : undefined;
  const servers: Array<{ close(): Promise<void> }> = [];
  let vite: ViteDevServer;
  let api: Awaited<ReturnType<typeof createDevServer>>;
  let llamacloud: typeof api;
  let xai: typeof api;
  try {
    const start = async (kind: 'lightfield' | 'llamacloud' | 'xai') => {
      const server = await createDevServer({
        api: kind,
        port: 0,
        host: '127.0.0.1',
        control: true,
        rateLimit: false,
      });
      servers.push(server);
      return server;
    };
    api = await start('lightfield');
    llamacloud = await start('llamacloud');
    xai = await start('xai');
    vite = await createServer({
      configFile: false,
      root,
      cacheDir: cacheDirOf(project.name),
      logLevel: 'warn',
      clearScreen: false,
      plugins: [react(), ssrOutlet(root)],
      resolve: { alias: filedockAliases },
      // Pre-bundle every dependency up front: a dependency discovered mid-test would make Vite
      // reload the page under the test's feet.
      optimizeDeps: {
        entries: ['index.html', 'ssr.html', 'md5.html'],
        include: [
          'react',
          'react/jsx-runtime',
          'react/jsx-dev-runtime',
          'react-dom',
          'react-dom/client',
          '@tanstack/react-query',
          'axios',
          'zod/mini',
          'hash-wasm',
        ],
      },
      // No file watching: the pages are loaded once per test and never edited. (Vite's client still
      // connects its websocket; turning it off makes the client log connection errors instead.)
      server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
    });
    await vite.listen();
  } catch (error) {
    await Promise.allSettled([...servers.map((s) => s.close()), webkit?.stop()]);
    throw error;
  }
  const { port } = vite.httpServer!.address() as AddressInfo;
  project.provide('e2eApiUrl', api.url);
  project.provide('e2eApiUrls', { lightfield: api.url, llamacloud: llamacloud.url, xai: xai.url });
  project.provide('e2eAppUrl', `http://127.0.0.1:${port}`);
  project.provide('e2eEngine', engine);
  project.provide('e2eWebDriverUrl', webkit?.url);
  return async () => {
    await Promise.allSettled([vite.close(), ...servers.map((s) => s.close()), webkit?.stop()]);
  };
}
