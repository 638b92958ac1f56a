/**
 * `npm run bench` runs every figure; `npm run bench -- P2 P7a` runs those. Each prints its table;
 * results merge into bench/results/latest.json, from which BENCHMARKS.md is regenerated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { p1, p2 } from './figures/transfer.js';
import { p4p, p6p } from './figures/peers.js';
import { p8, p9 } from './figures/proxy.js';
import { p3, p4, p5, p6, p10 } from './figures/ui.js';
import { p7a, p7b, p7c } from './figures/sizes.js';
import { startHarness, type Harness } from './lib/harness.js';
import { renderReport, type Results } from './lib/report.js';
import { machine, table, type FigureResult } from './lib/stats.js';

const FIGURES: Record<string, (h: () => Promise<Harness>) => Promise<FigureResult>> = {
  P1: async (h) => p1(await h(), true),
  P1b: async (h) => p1(await h(), false),
  P2: async (h) => p2(await h()),
  P3: async (h) => p3(await h()),
  P4: async (h) => p4(await h()),
  P5: async (h) => p5(await h()),
  P6: async (h) => p6(await h()),
  P7a: () => p7a(),
  P7b: () => p7b(),
  P8: async (h) => p8(await h()),
  P9: () => p9(),
  P10: async (h) => p10(await h()),
  P6p: async (h) => p6p(await h()),
  P4p: async (h) => p4p(await h()),
  P7c: () => p7c(),
};

const RESULTS = resolve(import.meta.dirname, 'results/latest.json');

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = asked.filter((id) => !FIGURES[id]);
  if (unknown.length)
    throw new Error(
      `Unknown figure ${unknown.join(', ')}; known: ${Object.keys(FIGURES).join(', ')}`,
    );
  const ids = asked.length ? asked : Object.keys(FIGURES);
  let harness: Harness | undefined;
  const getHarness = async () => (harness ??= await startHarness());
  const results: Results = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : { figures: {} };
  try {
    for (const id of ids) {
      const started = Date.now();
      const result = await FIGURES[id]!(getHarness);
      const chromium = harness?.chromiumVersion ?? results.chromium ?? 'not started';
      results.chromium = chromium;
      results.figures[id] = { ...result, machine: machine(chromium), at: new Date().toISOString() };
      console.log(`\n## ${id}: ${result.title}\nmachine: ${machine(chromium)}\n\n${table(result)}`);
      for (const note of result.notes) console.log(`note: ${note}`);
      console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
      mkdirSync(resolve(RESULTS, '..'), { recursive: true });
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    }
  } finally {
    await harness?.close();
  }
  writeFileSync(resolve(import.meta.dirname, '../BENCHMARKS.md'), renderReport(results));
  console.log('\nBENCHMARKS.md regenerated.');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
