/**
 * P8's servers in processes of their own, as they are deployed: started with `node --import tsx`
 * by bench/figures/proxy.ts, one process per role, talking over IPC.
 *
 * - `ROLE=servers`: the LlamaCloud and xAI reference servers; sends `{ llamacloud, xai }` (their
 *   URLs) once listening, answers `{ reset: api }` with `{ done: api }` once that server is empty.
 * - `ROLE=proxy`: filedock/proxy for both (at `/api/<name>`, upstream `LLAMACLOUD` / `XAI`) plus the
 *   bench page's static files, on one origin, as an app serves its page and mounts the proxy; sends
 *   `{ port }` once listening, answers `'cpu'` with `{ cpuMs }` (user + system time so far).
 *
 * `'exit'` ends either. The driver (Playwright, the figures) stays in the parent process, so nothing
 * it does runs on the loop that moves the bytes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { benchProxy, pageAndProxies } from './page-server.js';
import { createDevServer } from '../../src/server/index.js';

const PAGE = resolve(import.meta.dirname, '../.build/page');

async function servers(): Promise<void> {
  const direct = {
    llamacloud: await createDevServer({ api: 'llamacloud', port: 0, rateLimit: false }),
    xai: await createDevServer({ api: 'xai', port: 0, rateLimit: false }),
  };
  process.on('message', async (message: unknown) => {
    if (message === 'exit') {
      await Promise.all([direct.llamacloud.close(), direct.xai.close()]);
      process.exit(0);
    }
    const api = (message as { reset?: 'llamacloud' | 'xai' }).reset;
    if (api) {
      await direct[api].reset();
      process.send?.({ done: api });
    }
  });
  process.send?.({ llamacloud: direct.llamacloud.url, xai: direct.xai.url });
}

function proxy(): void {
  const proxies = [
    benchProxy('llamacloud', process.env.LLAMACLOUD ?? ''),
    benchProxy('xai', process.env.XAI ?? ''),
  ];
  const server = createServer({ requestTimeout: 0 }, pageAndProxies(PAGE, proxies));
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
      return;
    }
    if (message !== 'exit') return;
    server.close();
    server.closeAllConnections();
    // process.exit, not a natural end: --cpu-prof writes its profile on exit either way.
    process.exit(0);
  });
}

if (process.env.ROLE === 'servers') await servers();
else if (process.env.ROLE === 'proxy') proxy();
else throw new Error('ROLE must be servers or proxy');
