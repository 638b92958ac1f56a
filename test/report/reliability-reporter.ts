/**
 * A vitest reporter that writes RELIABILITY.md at the end of a run: every scenario, fault, bad
 * input and refusal the reliability suites tried, whether it held, and the chaos run's counts
 * (from the chaos test's `task.meta.chaos`). It writes only after a run in which every one of
 * those suites ran, so a partial run (one file, one project) never clobbers the page.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { arch, cpus, release, type } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { renderReliability, type ScenarioRow } from './render.js';

/** Suites by path prefix (relative to the root, with /), in the order the page lists them. */
const SUITES: Array<{ prefix: string; name: string; required: boolean }> = [
  { prefix: 'test/e2e/', name: 'End to end', required: false },
  { prefix: 'test/browser/chaos/', name: 'Chaos run', required: true },
  { prefix: 'test/browser/bad-input/', name: 'Bad inputs (browser)', required: true },
  { prefix: 'test/node/security/', name: 'Security', required: true },
  { prefix: 'test/node/server/', name: 'Reference server refusals and faults', required: true },
];

function suiteOf(root: string, moduleId: string) {
  const path = relative(root, moduleId).split(sep).join('/');
  const suite = SUITES.find((s) => path.startsWith(s.prefix));
  return suite ? { suite, file: path.slice(suite.prefix.length) } : undefined;
}

export default class ReliabilityReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _errors: unknown,
    reason: 'passed' | 'failed' | 'interrupted',
  ): Promise<void> {
    if (reason === 'interrupted') return;
    const rows: ScenarioRow[] = [];
    const ran = new Set<string>();
    let chaos: Record<string, number> | undefined;
    let resumeChaos: Record<string, number> | undefined;
    for (const module of testModules) {
      const found = suiteOf(this.root, module.moduleId);
      if (!found) continue;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state !== 'skipped' && state !== 'pending') ran.add(found.suite.prefix);
        const meta = test.meta() as {
          chaos?: Record<string, number>;
          resumeChaos?: Record<string, number>;
        };
        if (meta.chaos) chaos = meta.chaos;
        if (meta.resumeChaos) resumeChaos = meta.resumeChaos;
        rows.push({
          suite: found.suite.name,
          scenario: `${found.file.replace(/\.test\.tsx?$/, '')}: ${test.fullName.replace(/ > /g, ' › ')}`,
          state,
          durationMs: test.diagnostic()?.duration ?? 0,
        });
      }
    }
    // e2e counts as required once its suite exists in the tree.
    const required = SUITES.filter((s) => s.required || existsSync(join(this.root, s.prefix)));
    const missing = required.filter((s) => !ran.has(s.prefix));
    if (missing.length > 0) return; // a partial run: keep the page of the last full one
    rows.sort(
      (a, b) =>
        SUITES.findIndex((s) => s.name === a.suite) - SUITES.findIndex((s) => s.name === b.suite),
    );
    const cpu = cpus();
    const machine = `${type()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
    await writeFile(
      join(this.root, 'RELIABILITY.md'),
      renderReliability({ date: new Date(), machine, rows, chaos, resumeChaos }),
    );
  }
}
