/** P1, P1b, P2: one large file through filedock beside a bare PUT, a bare worker MD5 and md5sum. */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import type { Harness } from '../lib/harness.js';
import { MiB, tmpFile } from '../lib/files.js';
import { median, repeat, type FigureResult } from '../lib/stats.js';

type Bench = {
  mount(o: {
    checksum: boolean;
    expected: number;
    concurrency?: number;
    apiBase?: string;
    resume?: boolean;
    headless?: boolean;
  }): Promise<void>;
  waitDone(): Promise<{ ms: number; failed: string[] }>;
  barePut(): Promise<number>;
  bareMd5(): Promise<{ ms: number; md5: string }>;
  filedockMd5(): Promise<{ ms: number; md5: string }>;
  bareBoth(): Promise<number>;
  bareFlow(): Promise<number>;
  bareMd5Part(part: 'read' | 'hash'): Promise<number>;
};
declare const bench: Bench;

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * P1 and P1b judge 3 % and 0 % budgets while a 256 MiB PUT on this 2-core machine varies by
 * ±15 % from run to run (renderer, network process and the in-process server share the cores),
 * so they take more runs for a steadier median.
 */
const LARGE_RUNS = Math.max(RUNS, 9);

/** Uploads `paths` through a freshly mounted FileUploader; resolves with ms from pick to last completion. */
export async function uploadThroughWidget(
  h: Harness,
  paths: string[] | Parameters<Page['setInputFiles']>[1],
  options: {
    checksum: boolean;
    concurrency?: number;
    apiBase?: string;
    resume?: boolean;
    headless?: boolean;
  },
  during?: (page: Page) => Promise<() => Promise<unknown>>,
): Promise<{ ms: number; page: Page; extra: unknown }> {
  const page = await h.newPage();
  const expected = Array.isArray(paths) ? paths.length : 1;
  await page.evaluate((o) => bench.mount(o), { ...options, expected });
  const stop = during ? await during(page) : undefined;
  await page.setInputFiles('#root input[type=file]', paths);
  const result = await page.evaluate(() => bench.waitDone());
  const extra = stop ? await stop() : undefined;
  if (result.failed.length) throw new Error(`uploads failed: ${result.failed.join(', ')}`);
  return { ms: result.ms, page, extra };
}

async function bare<T>(h: Harness, path: string, run: () => Promise<T>): Promise<T> {
  const page = await h.newPage();
  await page.setInputFiles('#bare', path);
  try {
    return await page.evaluate(run);
  } finally {
    await page.close();
  }
}

export async function p1(h: Harness, checksum: boolean): Promise<FigureResult> {
  const path = tmpFile('upload-256.bin', 256 * MiB);
  const widget: number[] = [];
  const put: number[] = [];
  const md5: number[] = [];
  const both: number[] = [];
  const flow: number[] = [];
  await repeat(LARGE_RUNS, async (i) => {
    const viaWidget = async () => {
      const { ms, page } = await uploadThroughWidget(h, [path], { checksum });
      await page.close();
      return ms;
    };
    // The uploads take turns going first: each leaves 256 MiB for the server's disk to write back,
    // which slowed whichever PUT came next (the bare ones, when they always came after FileUploader).
    const runs: Array<() => Promise<number>> = [
      viaWidget,
      () => bare(h, path, () => bench.barePut()),
    ];
    // P1 adds the bare PUT and MD5 run together; P1b the protocol's own floor (create → PUT → complete).
    runs.push(
      checksum
        ? () => bare(h, path, () => bench.bareBoth())
        : () => bare(h, path, () => bench.bareFlow()),
    );
    const shift = i < 0 ? 0 : i % runs.length;
    const times: number[] = [];
    for (let k = 0; k < runs.length; k += 1) {
      const index = (k + shift) % runs.length;
      times[index] = await runs[index]!();
    }
    const [ms = 0, putMs = 0, thirdMs = 0] = times;
    const md5Ms = checksum ? (await bare(h, path, () => bench.bareMd5())).ms : 0;
    await h.api.reset();
    if (i >= 0) {
      widget.push(ms);
      put.push(putMs);
      if (checksum) {
        md5.push(md5Ms);
        both.push(thirdMs);
      } else {
        flow.push(thirdMs);
      }
    }
  });
  const baseline = checksum ? Math.max(median(put), median(md5)) : median(put);
  const series = [
    {
      label: `FileUploader, 256 MiB, checksum ${checksum ? 'on' : 'off'}`,
      unit: 'ms',
      values: widget,
    },
    { label: 'bare XHR PUT, same file', unit: 'ms', values: put },
    ...(checksum
      ? [
          { label: 'bare worker MD5, same file', unit: 'ms', values: md5 },
          {
            label: 'bare PUT and bare MD5 started together (no filedock)',
            unit: 'ms',
            values: both,
          },
        ]
      : [
          {
            label: 'contract floor: bare fetch create → XHR PUT → fetch complete (no filedock)',
            unit: 'ms',
            values: flow,
          },
        ]),
  ];
  return {
    id: checksum ? 'P1' : 'P1b',
    title: checksum
      ? '256 MiB upload with MD5 ÷ bare PUT and bare MD5 started together'
      : '256 MiB upload, checksum off ÷ bare create → PUT → complete',
    series,
    targets: [
      checksum
        ? {
            label: 'FileUploader ÷ bare PUT ∥ bare MD5 started together',
            value: median(widget) / median(both),
            op: '<=' as const,
            target: 1.03,
          }
        : {
            label: 'FileUploader ÷ bare create → PUT → complete (contract floor)',
            value: median(widget) / median(flow),
            op: '<=' as const,
            target: 1.0,
          },
    ],
    notes: checksum
      ? [
          `The floor has no filedock code in it: on ${availableParallelism()} cores the PUT (renderer, network process, server) and the MD5 worker compete for CPU, so the bare PUT and bare MD5 started together take ${(median(both) / baseline).toFixed(3)} × the slower of the two alone on this machine, whatever the library does; FileUploader ÷ max(PUT, MD5) = ${(median(widget) / baseline).toFixed(3)}.`,
        ]
      : [
          `The floor has no filedock code in it: the protocol asks for a create before the PUT and a complete after it, each a cross-origin call with its preflight; it takes ${(median(flow) / baseline).toFixed(3)} × the bare PUT alone, and FileUploader ÷ bare PUT = ${(median(widget) / baseline).toFixed(3)}. A 256 MiB PUT varies by ±15 % from run to run here (min and max above), far more than the budget, so single runs fall either side. Timed with performance marks while tuning, filedock's own costs are reading the first 1 KiB before create (10–27 ms: a refused type must never reach the network), 5–9 ms from an axios call to its XHR send, and nothing for its code (the PUT module is fetched with the client).`,
        ],
  };
}

export async function p2(h: Harness): Promise<FigureResult> {
  const path = tmpFile('upload-256.bin', 256 * MiB);
  const browser: number[] = [];
  const native: number[] = [];
  const readOnly: number[] = [];
  const hashOnly: number[] = [];
  let digest = '';
  await repeat(RUNS, async (i) => {
    const { ms, md5 } = await bare(h, path, () => bench.filedockMd5());
    const start = performance.now();
    const out = spawnSync('md5sum', [path], { encoding: 'utf8' });
    const nativeMs = performance.now() - start;
    if (out.status !== 0) throw new Error(`md5sum failed: ${out.stderr}`);
    if (out.stdout.split(' ')[0] !== md5)
      throw new Error(`MD5 differs: browser ${md5}, md5sum ${out.stdout}`);
    const readMs = await bare(h, path, () => bench.bareMd5Part('read'));
    const hashMs = await bare(h, path, () => bench.bareMd5Part('hash'));
    digest = md5;
    if (i >= 0) {
      browser.push(ms);
      native.push(nativeMs);
      readOnly.push(readMs);
      hashOnly.push(hashMs);
    }
  });
  const mbps = (ms: number) => (256 * MiB) / 1e6 / (ms / 1000);
  const serial = 1 / (1 / mbps(median(readOnly)) + 1 / mbps(median(hashOnly)));
  return {
    id: 'P2',
    title: 'MD5 throughput: filedock worker (file input) ÷ md5sum',
    series: [
      { label: 'computeMd5 in a Worker, 256 MiB', unit: 'MB/s', values: browser.map(mbps) },
      {
        label: 'md5sum, same file (process spawn included)',
        unit: 'MB/s',
        values: native.map(mbps),
      },
      {
        label: 'a Worker only reading the same file as a stream (no hash)',
        unit: 'MB/s',
        values: readOnly.map(mbps),
      },
      {
        label: 'a Worker only hashing 256 MiB already in memory (hash-wasm MD5, no read)',
        unit: 'MB/s',
        values: hashOnly.map(mbps),
      },
    ],
    targets: [
      {
        label: 'browser ÷ md5sum throughput',
        value: median(native) / median(browser),
        op: '>=',
        target: 0.75,
      },
    ],
    notes: [
      `Both digests agree (${digest}).`,
      `Reading alone (a default stream reader) runs at ${mbps(median(readOnly)).toFixed(0)} MB/s and hashing alone at ${mbps(median(hashOnly)).toFixed(0)} MB/s in a Worker; done strictly one after the other they would give ${serial.toFixed(0)} MB/s (${(serial / mbps(median(native))).toFixed(3)} × md5sum). filedock's Worker reads the stream with a BYOB reader into one reused 1 MiB buffer and hashes each piece as it lands: ${mbps(median(browser)).toFixed(0)} MB/s, so reading and hashing overlap. Reading is not free on ${availableParallelism()} cores: a 256 MiB stream read costs about 0.7 CPU-seconds across the renderer and browser processes (CPU time from /proc, measured while tuning), so it competes with the hash for the same cores; the BYOB reader saves allocating a new chunk for every read.`,
      `The BYOB reader runs only in the MD5 Worker, one stream per Worker. Several BYOB reads of Blob streams in flight in one context hung in Chromium (reproduced with 2–64 concurrent readers of in-memory Blobs on the main thread; none with up to 32 concurrent Workers), so the main-thread path for small Blobs keeps the default reader; test/browser/engine/md5-worker.test.ts fails if that changes.`,
    ],
  };
}
