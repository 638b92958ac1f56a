/**
 * `npm run dev`: the reference Files API server on 127.0.0.1:4010 (with fault injection's control
 * endpoint on, so the demo can switch faults) plus the demo page on a Vite dev server.
 * Files persist in ./.filedock-data between runs; FILEDOCK_DATA_DIR overrides it.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { createDevServer } from '../src/server/index.js';

const port = Number(process.env.FILEDOCK_API_PORT ?? 4010);
const api = await createDevServer({
  port,
  host: '127.0.0.1',
  control: true,
  dataDir: process.env.FILEDOCK_DATA_DIR ?? '.filedock-data',
  log: (line) => console.log(`[api] ${line}`),
});

const vite = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: { host: '127.0.0.1', port: Number(process.env.FILEDOCK_DEMO_PORT ?? 5173) },
  define: { 'import.meta.env.FILEDOCK_API_URL': JSON.stringify(api.url) },
});
await vite.listen();
console.log(`\n  filedock reference server: ${api.url}`);
vite.printUrls();

async function shutdown(): Promise<void> {
  await Promise.allSettled([vite.close(), api.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
