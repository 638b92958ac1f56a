// esbuild as its docs show it for a browser app: bundle, code splitting (ESM), minify. Nothing
// filedock-specific: esbuild does not follow `new URL(…, import.meta.url)`, so filedock's inline
// MD5 Worker takes over (README, "Bundlers").
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  outdir: 'dist',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
copyFileSync('index.html', 'dist/index.html');
