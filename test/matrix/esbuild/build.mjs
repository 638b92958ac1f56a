// esbuild as its docs show it for a browser app: bundle, code splitting (ESM), minify. esbuild
// does not follow `new URL(…, import.meta.url)`, so it emits no MD5 Worker file: filedock's inline
// Worker takes over, or, self-hosted, the app copies the file and calls setMd5WorkerUrl (README,
// "Bundlers and frameworks"). The copy below is that recipe.
import { copyFileSync, mkdirSync } from 'node:fs';
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
mkdirSync('dist/static', { recursive: true });
copyFileSync(
  'node_modules/filedock/dist/core/checksum/md5.worker.js',
  'dist/static/filedock-md5.worker.js',
);
