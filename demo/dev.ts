/**
 * `npm run dev`: the production shape on one machine. The browser talks only to the demo's own
 * origin, where a filedock proxy per service (`/api/<service>`, see proxies.ts) holds the key and
 * forwards to that service's reference server (Lightfield on 127.0.0.1:4010, LlamaCloud on 4011,
 * xAI on 4012, which accept only the proxies' keys; their control endpoint stays open so the demo
 * can switch faults). Files persist in ./.filedock-data/<api> between runs; FILEDOCK_DATA_DIR
 * moves that folder, FILEDOCK_API_PORT the first port.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';
import { toNodeListener } from '../src/proxy/node/index.js';
import { demoKey, demoProxy } from './proxies.js';
import { type ApiName, createDevServer, type DevServer } from '../src/server/index.js';

const firstPort = Number(process.env.FILEDOCK_API_PORT ?? 4010);
const dataDir = process.env.FILEDOCK_DATA_DIR ?? '.filedock-data';
const APIS: readonly ApiName[] = ['lightfield', 'llamacloud', 'xai'];

// One data folder per API: a server refuses a folder that holds another API's files.
const servers: DevServer[] = [];
const keys = Object.fromEntries(APIS.map((api) => [api, demoKey(api)]));
try {
  for (const [index, api] of APIS.entries()) {
    servers.push(
      await createDevServer({
        api,
        apiKeys: [keys[api] as string],
        port: firstPort + index,
        host: '127.0.0.1',
        control: true,
        dataDir: join(dataDir, api),
        log: (line) => console.log(`[${api}] ${line}`),
      }),
    );
  }
} catch (error) {
  await Promise.allSettled(servers.map((server) => server.close()));
  throw error;
}
const urls = Object.fromEntries(servers.map((server) => [server.api, server.url]));

/** The proxies on the page's own origin: same origin, so no CORS and no preflights. */
function filesProxies(): Plugin {
  return {
    name: 'filedock-demo:proxies',
    configureServer(server) {
      for (const upstream of servers)
        server.middlewares.use(
          toNodeListener(demoProxy(upstream.api, keys[upstream.api] as string, upstream.url)),
        );
    },
  };
}

const vite = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), filesProxies()],
  server: { host: '127.0.0.1', port: Number(process.env.FILEDOCK_DEMO_PORT ?? 5173) },
  define: { 'import.meta.env.FILEDOCK_API_URLS': JSON.stringify(JSON.stringify(urls)) },
});
await vite.listen();
console.log('');
for (const server of servers)
  console.log(`  ${server.api}: proxy at /api/${server.api} → reference server ${server.url}`);
vite.printUrls();

async function shutdown(): Promise<void> {
  await Promise.allSettled([vite.close(), ...servers.map((server) => server.close())]);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
