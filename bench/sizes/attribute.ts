/**
 * Where an entry's initial JS comes from: esbuild's metafile `bytesInOutput` (minified, before
 * gzip) per input module, summed over the chunks the entry imports statically.
 * `npx tsx bench/sizes/attribute.ts filedock-hooks.tsx [--axios]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BROWSER_BUNDLE } from '../lib/esbuild-options.js';
import { ENTRIES } from './measure.js';

const ROOT = resolve(import.meta.dirname, '../..');
const [entry = 'filedock-hooks.tsx', ...flags] = process.argv.slice(2);
const outdir = mkdtempSync(join(tmpdir(), 'filedock-attr-'));
try {
  const { metafile } = await build({
    entryPoints: [resolve(ENTRIES, entry)],
    ...BROWSER_BUNDLE,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [
      'react',
      'react/*',
      'react-dom',
      'react-dom/*',
      '@tanstack/react-query',
      ...(flags.includes('--axios') ? [] : ['axios']),
    ],
    nodePaths: [join(ROOT, 'node_modules')],
  });
  const outputs = metafile.outputs;
  const entryOut = Object.keys(outputs).find(
    (file) =>
      outputs[file]!.entryPoint !== undefined &&
      resolve(ROOT, outputs[file]!.entryPoint!) === resolve(ENTRIES, entry),
  );
  const initial = new Set<string>();
  const walk = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file]!.imports)
      if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
  };
  walk(entryOut!);
  const perInput = new Map<string, number>();
  for (const file of initial)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]!.inputs))
      perInput.set(input, (perInput.get(input) ?? 0) + bytesInOutput);
  const sorted = [...perInput].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  for (const [input, n] of sorted) console.log(`${String(n).padStart(7)}  ${input}`);
  console.log(`${String(total).padStart(7)}  total minified (initial: ${[...initial].join(', ')})`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
