/**
 * `npm run dev`: the three reference Files API servers (Lightfield on 127.0.0.1:4010, LlamaCloud
 * on 4011, xAI on 4012, each with fault injection's control endpoint on, so the demo can switch
 * faults) plus the demo page on a Vite dev server. Files persist in ./.filedock-data/<api>
 * between runs; FILEDOCK_DATA_DIR moves that folder, FILEDOCK_API_PORT the first port.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { type ApiName, createDevServer, type DevServer } from '../src/server/index.js';

const firstPort = Number(process.env.FILEDOCK_API_PORT ?? 4010);
const dataDir = process.env.FILEDOCK_DATA_DIR ?? '.filedock-data';
const APIS: readonly ApiName[] = ['lightfield', 'llamacloud', 'xai'];

// One data folder per API: a server refuses a folder that holds another API's files.
const servers: DevServer[] = [];
try {
  for (const [index, api] of APIS.entries()) {
    servers.push(
      await createDevServer({
        api,
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

const vite = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: { host: '127.0.0.1', port: Number(process.env.FILEDOCK_DEMO_PORT ?? 5173) },
  define: { 'import.meta.env.FILEDOCK_API_URLS': JSON.stringify(JSON.stringify(urls)) },
});
await vite.listen();
console.log('');
for (const server of servers) console.log(`  ${server.api} reference server: ${server.url}`);
vite.printUrls();

async function shutdown(): Promise<void> {
  await Promise.allSettled([vite.close(), ...servers.map((server) => server.close())]);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
