/**
 * P7a / P7b: gzip (zlib level 9) of what an app ships, built by esbuild with one setting for every
 * library: --bundle --minify --format=esm (with code splitting, so lazy chunks stay lazy),
 * react / react-dom / @tanstack/react-query external. "Initial" is the entry chunk plus every
 * chunk it imports statically, plus its CSS; "lazy" is what only a dynamic import or a worker pulls.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform, type Metafile } from 'esbuild';
import { BROWSER_BUNDLE } from '../lib/esbuild-options.js';

export const ENTRIES = resolve(import.meta.dirname, 'entries');
const ROOT = resolve(import.meta.dirname, '../..');
const BASE_EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'];

export interface Weight {
  /** gzip bytes of the initial JS (entry + static chunks). */
  js: number;
  css: number;
  /** gzip bytes of chunks reached only through dynamic import() or a worker. */
  lazy: number;
}

const gz = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

export async function measure(
  entry: string,
  options: { externalAxios?: boolean; extraCss?: string; alsoExternal?: string[] } = {},
): Promise<Weight> {
  const outdir = mkdtempSync(join(tmpdir(), 'filedock-size-'));
  try {
    const result = await build({
      entryPoints: [resolve(ENTRIES, entry)],
      ...BROWSER_BUNDLE,
      outdir,
      write: true,
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: [
        ...BASE_EXTERNAL,
        ...(options.externalAxios ? ['axios'] : []),
        ...(options.alsoExternal ?? []),
      ],
      nodePaths: [join(ROOT, 'node_modules')],
    });
    const outputs = result.metafile.outputs;
    const entryName = entry.replace(/\.tsx?$/, '');
    const entryOut = Object.keys(outputs).find(
      (file) =>
        outputs[file]!.entryPoint !== undefined &&
        resolve(ROOT, outputs[file]!.entryPoint!) === resolve(ENTRIES, entry),
    );
    if (!entryOut) throw new Error(`esbuild produced no output for ${entryName}`);
    const initial = new Set<string>();
    const walk = (file: string) => {
      if (initial.has(file)) return;
      initial.add(file);
      for (const imported of outputs[file]!.imports)
        if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
    };
    walk(entryOut);
    const size = (file: string) => gz(readFileSync(resolve(ROOT, file)));
    const jsFiles = Object.keys(outputs).filter((file) => file.endsWith('.js'));
    const js = [...initial].reduce((sum, file) => sum + size(file), 0);
    const lazy = jsFiles
      .filter((file) => !initial.has(file))
      .reduce((sum, file) => sum + size(file), 0);
    const cssOut = outputs[entryOut]!.cssBundle;
    let css = cssOut ? size(cssOut) : 0;
    if (options.extraCss)
      css += gz(
        (await transform(readFileSync(options.extraCss, 'utf8'), { loader: 'css', minify: true }))
          .code,
      );
    return { js, css, lazy };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export type { Metafile };
