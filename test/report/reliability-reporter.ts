/**
 * A vitest reporter that writes RELIABILITY.md at the end of a run: every scenario, fault, bad
 * input and refusal the reliability suites tried, whether it held, and the chaos runs' counts
 * (from `task.meta.chaos` / `task.meta.resumeChaos`). End-to-end scenarios get a column per
 * engine (the `e2e`, `e2e-firefox` and `e2e-webkit` projects run the same files). It writes only
 * after a run in which every one of those suites (and every engine) ran, so a partial run (one
 * file, one project) never clobbers the page.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { arch, cpus, release, type } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import {
  CHROMIUM_ONLY_E2E,
  ENGINES,
  type EngineName,
  engineOfProject,
  PROJECT_OF,
} from '../e2e/support/engines.js';
import { type EngineCell, renderReliability, type ScenarioRow } from './render.js';

/** Suites by path prefix (relative to the root, with /), in the order the page lists them. */
const SUITES: Array<{ prefix: string; name: string; required: boolean; engines?: true }> = [
  { prefix: 'test/e2e/', name: 'End to end', required: false, engines: true },
  { prefix: 'test/browser/chaos/', name: 'Chaos run', required: true },
  { prefix: 'test/browser/bad-input/', name: 'Bad inputs (browser)', required: true },
  { prefix: 'test/node/security/', name: 'Security', required: true },
  { prefix: 'test/node/server/', name: 'Reference server refusals and faults', required: true },
];

function suiteOf(root: string, moduleId: string) {
  const path = relative(root, moduleId).split(sep).join('/');
  const suite = SUITES.find((s) => path.startsWith(s.prefix));
  return suite ? { suite, file: path.slice(suite.prefix.length), path } : undefined;
}

/** What ran for a suite: its prefix, or for the engine suites its prefix and project. */
const ranKey = (prefix: string, project?: string): string =>
  project ? `${prefix}#${project}` : prefix;

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
    /** Engine rows by suite and scenario, filled engine by engine. */
    const byScenario = new Map<string, ScenarioRow>();
    /** Chromium-only files seen, to mark them not applicable in the other engines. */
    const chromiumOnly = new Map<string, string>();
    const ran = new Set<string>();
    let chaos: Record<string, number> | undefined;
    let resumeChaos: Record<string, number> | undefined;
    for (const module of testModules) {
      const found = suiteOf(this.root, module.moduleId);
      if (!found) continue;
      const engine: EngineName | undefined = found.suite.engines
        ? engineOfProject(module.project.name)
        : undefined;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state !== 'skipped' && state !== 'pending')
          ran.add(ranKey(found.suite.prefix, engine && PROJECT_OF[engine]));
        const meta = test.meta() as {
          chaos?: Record<string, number>;
          resumeChaos?: Record<string, number>;
          notApplicable?: string;
        };
        if (meta.chaos) chaos = meta.chaos;
        if (meta.resumeChaos) resumeChaos = meta.resumeChaos;
        const scenario = `${found.file.replace(/\.test\.tsx?$/, '')}: ${test.fullName.replace(/ > /g, ' › ')}`;
        const durationMs = test.diagnostic()?.duration ?? 0;
        if (!engine) {
          rows.push({ suite: found.suite.name, scenario, state, durationMs });
          continue;
        }
        const key = `${found.suite.name}\u0000${scenario}`;
        let row = byScenario.get(key);
        if (!row) {
          row = { suite: found.suite.name, scenario, state, durationMs, engines: {} };
          byScenario.set(key, row);
          rows.push(row);
        }
        const cell: EngineCell = { state, durationMs };
        if (state === 'skipped' && meta.notApplicable) cell.reason = meta.notApplicable;
        row.engines![engine] = cell;
        if (engine === 'chromium') {
          row.state = state;
          row.durationMs = durationMs;
        }
        const only = CHROMIUM_ONLY_E2E[found.path];
        if (only) chromiumOnly.set(key, only);
      }
    }
    for (const [key, reason] of chromiumOnly) {
      const row = byScenario.get(key)!;
      for (const engine of ENGINES)
        row.engines![engine] ??= { state: 'skipped', durationMs: 0, reason };
    }
    // e2e counts as required once its suite exists in the tree, in each of its engines.
    const required = SUITES.filter(
      (s) => s.required || existsSync(join(this.root, s.prefix)),
    ).flatMap((s) =>
      s.engines ? ENGINES.map((e) => ranKey(s.prefix, PROJECT_OF[e])) : [ranKey(s.prefix)],
    );
    const missing = required.filter((key) => !ran.has(key));
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
