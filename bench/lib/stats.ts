/** Runs, medians and the table every figure prints. */
import { availableParallelism, cpus } from 'node:os';

export interface Series {
  label: string;
  unit: string;
  values: number[];
}

export interface Target {
  /** What the ratio is of, e.g. "upload ÷ slower baseline". */
  label: string;
  value: number;
  op: '<=' | '>=';
  target: number;
  unit?: string;
}

export interface FigureResult {
  id: string;
  title: string;
  series: Series[];
  targets: Target[];
  notes: string[];
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const met = (t: Target): boolean =>
  t.op === '<=' ? t.value <= t.target : t.value >= t.target;

export function machine(chromium: string): string {
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Chromium ${chromium}, Node ${process.versions.node}`;
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(3);

export function table(result: FigureResult): string {
  const lines = [`| measure | median | min | max | runs |`, `|---|---|---|---|---|`];
  for (const s of result.series) {
    lines.push(
      `| ${s.label} (${s.unit}) | ${fmt(median(s.values))} | ${fmt(Math.min(...s.values))} | ${fmt(Math.max(...s.values))} | ${s.values.length} |`,
    );
  }
  lines.push('', `| figure | value | target | met |`, `|---|---|---|---|`);
  for (const t of result.targets) {
    lines.push(
      `| ${t.label} | ${fmt(t.value)}${t.unit ?? ''} | ${t.op} ${t.target}${t.unit ?? ''} | ${met(t) ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/** One warm-up, then `runs` measured repetitions. */
export async function repeat<T>(runs: number, once: (index: number) => Promise<T>): Promise<T[]> {
  await once(-1);
  const out: T[] = [];
  for (let i = 0; i < runs; i += 1) out.push(await once(i));
  return out;
}
