/**
 * P8 / P8x: one-request multipart uploads (LlamaCloud, xAI) through filedock's client beside a bare
 * XHR FormData, directly and through filedock/proxy, and the proxy's memory for 200 MiB.
 * P9: JSON calls through filedock/proxy beside a bare forwarding handler, same runtime and upstream.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createFilesProxy, type FilesProxy } from '../../src/proxy/index.js';
import { toNodeListener } from '../../src/proxy/node/index.js';
import { createDevServer } from '../../src/server/index.js';
import { MiB, tmpFile } from '../lib/files.js';
import type { Harness } from '../lib/harness.js';
import { median, repeat, type FigureResult } from '../lib/stats.js';
import { RUNS } from './transfer.js';

type Bench = {
  directUpload(
    api: 'llamacloud' | 'xai',
    via: 'filedock' | 'bare',
    through: 'direct' | 'proxy',
  ): Promise<number>;
};
declare const bench: Bench;

/** xAI answers 413 above 50 MB, so its file is 48 MiB; LlamaCloud takes the 64 MiB the issue names. */
const SIZES = { llamacloud: 64 * MiB, xai: 48 * MiB } as const;
const push = (into: Record<string, number[]>, key: string, value: number): void => {
  into[key] = [...(into[key] ?? []), value];
};
type Kind = `${'filedock' | 'bare'} ${'direct' | 'proxy'}`;
const KINDS: Kind[] = ['filedock direct', 'bare direct', 'filedock proxy', 'bare proxy'];

/** The reference servers and filedock/proxy each in a process of their own (bench/lib/process-stack.ts). */
interface Stack {
  /** The page's origin: the proxy's process, which also serves the bench page. */
  origin: string;
  direct: Record<'llamacloud' | 'xai', string>;
  reset(api: 'llamacloud' | 'xai'): Promise<void>;
  /** CPU time (user + system) the proxy's process has used so far, in ms. */
  proxyCpuMs(): Promise<number>;
  close(): Promise<void>;
}

async function startStack(): Promise<Stack> {
  const entry = resolve(import.meta.dirname, '../lib/process-stack.ts');
  const start = (role: string, env: Record<string, string>, flags: string[] = []) =>
    spawn(process.execPath, [...flags, '--import', 'tsx', entry], {
      env: { ...process.env, ...env, ROLE: role },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  const first = <T>(child: ChildProcess): Promise<T> =>
    new Promise((done, fail) => {
      child.once('message', (m) => done(m as T));
      child.once('exit', (code) => fail(new Error(`${child.spawnargs.join(' ')} exited ${code}`)));
    });
  const servers = start('servers', {});
  const direct = await first<Record<'llamacloud' | 'xai', string>>(servers);
  // BENCH_PROXY_PROF=<dir>: a V8 CPU profile of the proxy's process, written when it exits.
  const prof = process.env.BENCH_PROXY_PROF;
  const proxy = start(
    'proxy',
    { LLAMACLOUD: direct.llamacloud, XAI: direct.xai },
    prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : [],
  );
  const { port } = await first<{ port: number }>(proxy);
  const exited = (child: ChildProcess) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.send('exit');
    });
  return {
    origin: `http://127.0.0.1:${port}`,
    direct,
    reset: (api) =>
      new Promise((done) => {
        servers.once('message', () => done());
        servers.send({ reset: api });
      }),
    proxyCpuMs: () =>
      new Promise((done) => {
        proxy.once('message', (m) => done((m as { cpuMs: number }).cpuMs));
        proxy.send('cpu');
      }),
    close: async () => {
      await Promise.all([exited(proxy), exited(servers)]);
    },
  };
}

export async function p8(h: Harness): Promise<FigureResult> {
  const times: Record<string, number[]> = {};
  const stack = await startStack();
  const pageUrl = `${stack.origin}/?api=${encodeURIComponent(h.api.url)}&llamacloud=${encodeURIComponent(stack.direct.llamacloud)}&xai=${encodeURIComponent(stack.direct.xai)}`;
  const newPage = async () => {
    const page = await h.browser.newPage();
    page.on('pageerror', (error) => console.error('  page error:', error.message));
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'bench' in window);
    return page;
  };
  try {
    for (const api of ['llamacloud', 'xai'] as const) {
      const path = tmpFile(`direct-${SIZES[api] / MiB}.bin`, SIZES[api]);
      await repeat(RUNS, async (i) => {
        const shift = i < 0 ? 0 : i % KINDS.length;
        for (let k = 0; k < KINDS.length; k += 1) {
          const kind = KINDS[(k + shift) % KINDS.length]!;
          const [via, through] = kind.split(' ') as ['filedock' | 'bare', 'direct' | 'proxy'];
          const page = await newPage();
          await page.setInputFiles('#bare', path);
          const cpuBefore = await stack.proxyCpuMs();
          const ms = await page.evaluate(([a, v, t]) => bench.directUpload(a, v, t), [
            api,
            via,
            through,
          ] as const);
          const cpuMs = (await stack.proxyCpuMs()) - cpuBefore;
          await page.close();
          await stack.reset(api);
          if (i >= 0) push(times, `${api} ${kind}`, ms);
          if (i >= 0 && through === 'proxy') push(times, `${api} proxy cpu`, cpuMs);
        }
      });
    }
  } finally {
    await stack.close();
  }
  const memory = await proxyMemory();
  const of = (key: string) => times[key] ?? [];
  const ratio = (a: string, b: string) => median(of(a)) / median(of(b));
  const label: Record<Kind, string> = {
    'filedock direct': "filedock's client (files.upload) → reference server",
    'bare direct': 'bare XHR FormData → reference server',
    'filedock proxy': "filedock's client → filedock/proxy (same origin) → reference server",
    'bare proxy': 'bare XHR FormData → filedock/proxy → reference server',
  };
  return {
    id: 'P8',
    title:
      'One-request multipart upload (LlamaCloud 64 MiB, xAI 48 MiB): filedock ÷ bare XHR FormData, directly and through filedock/proxy; proxy memory for 200 MiB',
    series: [
      ...(['llamacloud', 'xai'] as const).flatMap((api) =>
        KINDS.map((kind) => ({
          label: `${api === 'llamacloud' ? 'LlamaCloud' : 'xAI'}: ${label[kind]}`,
          unit: 'ms',
          values: of(`${api} ${kind}`),
        })),
      ),
      ...(['llamacloud', 'xai'] as const).map((api) => ({
        label: `${api === 'llamacloud' ? 'LlamaCloud' : 'xAI'}: CPU time of filedock/proxy's process per upload through it (user + system; both clients)`,
        unit: 'ms',
        values: of(`${api} proxy cpu`),
      })),
      {
        label: 'filedock/proxy alone in a process: RSS growth while 200 MiB stream through it',
        unit: 'MiB',
        values: [memory.growthMiB],
      },
    ],
    targets: [
      {
        label: 'LlamaCloud: filedock ÷ bare',
        value: ratio('llamacloud filedock direct', 'llamacloud bare direct'),
        op: '<=',
        target: 1.05,
      },
      {
        label: 'xAI: filedock ÷ bare',
        value: ratio('xai filedock direct', 'xai bare direct'),
        op: '<=',
        target: 1.05,
      },
      {
        label: 'P8x LlamaCloud: through filedock/proxy ÷ direct (filedock client)',
        value: ratio('llamacloud filedock proxy', 'llamacloud filedock direct'),
        op: '<=',
        target: 1.15,
      },
      {
        label: 'P8x xAI: through filedock/proxy ÷ direct (filedock client)',
        value: ratio('xai filedock proxy', 'xai filedock direct'),
        op: '<=',
        target: 1.15,
      },
      {
        label: 'P8x proxy memory growth, 200 MiB upload',
        value: memory.growthMiB,
        op: '<=',
        target: 64,
        unit: ' MiB',
      },
    ],
    notes: [
      "xAI refuses a request above 50 MB (413), so its file is 48 MiB; LlamaCloud takes 64 MiB. Each run uploads the same random-byte file four ways, taking turns going first; the server forgets its files between uploads. filedock's client is made and its lazy transport loaded (one retrieve) before the timed upload, as an app's would be.",
      "Topology, as deployed: the reference servers run in one Node process, filedock/proxy (serving the bench page on its own origin too) in another, the driver (Playwright) in a third, all on 2 cores with Chromium. Until 2026-12-02 the proxy and the servers shared the driver's process and event loop, so the proxy's streaming competed with the server's multipart parsing on one thread (P8x 1.71 / 2.16 then). The proxy's CPU time per upload is read from its process (process.cpuUsage) before and after each upload: with other work on the 2 cores, it says more about the proxy's own cost than the wall-time ratios do.",
      `Through the proxy the bytes cross one more loopback hop (browser → proxy → reference server, all on this machine's 2 cores); the bare XHR through the proxy takes ${ratio('llamacloud bare proxy', 'llamacloud bare direct').toFixed(3)} (LlamaCloud) and ${ratio('xai bare proxy', 'xai bare direct').toFixed(3)} (xAI) × the bare XHR direct, the proxy's cost with no filedock client in it.`,
      `Memory: the proxy runs alone in a Node process (test/node/proxy/fixtures/proxy-process.ts), a Node client streams a 200 MiB multipart upload through it to the LlamaCloud reference server; RSS sampled every 10 ms, peak − baseline (${memory.seconds.toFixed(1)} s for the upload).`,
    ],
  };
}

/** The proxy alone in a process; a generated 200 MiB multipart body streamed through it. */
async function proxyMemory(): Promise<{ growthMiB: number; seconds: number }> {
  const SIZE = 200 * MiB;
  const CHUNK = 256 * 1024;
  const upstream = await createDevServer({
    api: 'llamacloud',
    port: 0,
    rateLimit: false,
    apiKeys: ['sk_test'],
  });
  const fixture = resolve(import.meta.dirname, '../../test/node/proxy/fixtures/proxy-process.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, UPSTREAM: upstream.url, API_KEY: 'sk_test' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message?: string): Promise<T> =>
    new Promise((done) => {
      child.once('message', (m) => done(m as T));
      if (message) child.send(message);
    });
  try {
    const { port } = await ask<{ port: number }>();
    const boundary = 'benchboundary';
    const encoder = new TextEncoder();
    let produced = -1;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (produced < 0) {
          produced = 0;
          controller.enqueue(
            encoder.encode(
              `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
          );
        } else if (produced >= SIZE) {
          controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(CHUNK).fill(produced % 251));
          produced += CHUNK;
        }
      },
    });
    await ask('start');
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/llamacloud/api/v1/beta/files`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-user': 'alice' },
      body,
      duplex: 'half',
      redirect: 'error', // Node 20's fetch otherwise keeps a copy of a streamed body (undici#4058)
    } as RequestInit);
    await response.arrayBuffer();
    const seconds = (Date.now() - started) / 1000;
    const { baseline, peak } = await ask<{ baseline: number; peak: number }>('stop');
    if (response.status !== 200) throw new Error(`proxy answered ${response.status}`);
    return { growthMiB: (peak - baseline) / MiB, seconds };
  } finally {
    child.send('exit');
    await upstream.close();
  }
}

const listen = (server: Server): Promise<string> =>
  new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

/**
 * A forwarding handler with no checks: the path under its base goes upstream as it came, with
 * the key and version headers set, and the answer comes back as it is. What any proxy must do.
 */
function bareForwarder(basePath: string, upstream: string, apiKey: string): FilesProxy {
  return {
    api: 'lightfield',
    basePath,
    async fetch(request) {
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      headers.delete('host');
      headers.set('authorization', `Bearer ${apiKey}`);
      headers.set('lightfield-version', '2026-03-01');
      const answer = await fetch(`${upstream}${url.pathname.slice(basePath.length)}${url.search}`, {
        method: request.method,
        headers,
        ...(request.body ? { body: request.body, duplex: 'half' } : {}),
        redirect: 'manual',
      } as RequestInit);
      const out = new Headers(answer.headers);
      out.delete('content-encoding');
      out.delete('content-length');
      return new Response(answer.body, { status: answer.status, headers: out });
    },
  };
}

/** `total` JSON calls, `inFlight` at once, a third each create, list and retrieve. */
async function drive(base: string, total: number, inFlight: number): Promise<number> {
  const ids: string[] = [];
  const json = { 'content-type': 'application/json', 'idempotency-key': '' };
  const create = async (n: number) => {
    const response = await fetch(`${base}/v1/files`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': `bench-${Date.now()}-${n}-${Math.random()}` },
      body: JSON.stringify({ filename: `f${n}.txt`, mimeType: 'text/plain', sizeBytes: 10 }),
    });
    const body = (await response.json()) as { id?: string };
    if (!response.ok || !body.id) throw new Error(`create answered ${response.status}`);
    ids.push(body.id);
  };
  const call = async (n: number) => {
    const kind = n % 3;
    if (kind === 0 || ids.length === 0) return create(n);
    const url =
      kind === 1 ? `${base}/v1/files?limit=25` : `${base}/v1/files/${ids[n % ids.length]}`;
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await call(next++);
    }),
  );
  return performance.now() - start;
}

export async function p9(): Promise<FigureResult> {
  const apiKey = 'sk_bench';
  const upstream = await createDevServer({ port: 0, rateLimit: false, apiKeys: [apiKey] });
  const base = '/api/lightfield';
  const proxy = createServer(
    toNodeListener(
      createFilesProxy({
        api: 'lightfield',
        apiKey,
        basePath: base,
        upstream: upstream.url,
        authorize: () => ({ id: 'bench', admin: true }),
        rateLimit: false,
      }),
    ),
  );
  const bare = createServer(toNodeListener(bareForwarder(base, upstream.url, apiKey)));
  const proxyUrl = `${await listen(proxy)}${base}`;
  const bareUrl = `${await listen(bare)}${base}`;
  const CALLS = 2000;
  const IN_FLIGHT = 32;
  const viaProxy: number[] = [];
  const viaBare: number[] = [];
  try {
    await repeat(RUNS, async (i) => {
      const order = i % 2 === 0 ? [proxyUrl, bareUrl] : [bareUrl, proxyUrl];
      for (const url of order) {
        const ms = await drive(url, CALLS, IN_FLIGHT);
        await upstream.reset();
        if (i >= 0) (url === proxyUrl ? viaProxy : viaBare).push((CALLS / ms) * 1000);
      }
    });
  } finally {
    await new Promise((done) => proxy.close(done));
    await new Promise((done) => bare.close(done));
    await upstream.close();
  }
  return {
    id: 'P9',
    title:
      '2,000 JSON calls (create, list, retrieve) at 32 in flight: through filedock/proxy ÷ through a bare forwarding handler',
    series: [
      { label: 'through filedock/proxy (toNodeListener)', unit: 'calls/s', values: viaProxy },
      {
        label:
          'through a bare forwarding handler (toNodeListener, no checks: path, key and version header, answer as is)',
        unit: 'calls/s',
        values: viaBare,
      },
    ],
    targets: [
      {
        label: 'throughput through filedock/proxy ÷ bare forwarder',
        value: median(viaProxy) / median(viaBare),
        op: '>=',
        target: 0.9,
      },
    ],
    notes: [
      "Same Node process, same node:http adapter, same Lightfield reference server upstream; the load comes from Node's fetch in that process too. The proxy authorizes every call (one admin user), validates the JSON body, records ownership of each created file and checks it on retrieve, and filters the list; the bare handler does none of it.",
    ],
  };
}
