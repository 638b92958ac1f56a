// Rollup with the plugins a React app needs: node-resolve (package `exports`, browser field),
// commonjs (React ships CommonJS), replace (NODE_ENV), and a CSS plugin. Rollup does not follow
// `new URL(…, import.meta.url)`, so filedock's inline MD5 Worker takes over (README, "Bundlers").
import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import css from 'rollup-plugin-import-css';

const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js' },
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
    resolve({ browser: true }),
    commonjs(),
    css({ output: 'main.css' }),
    {
      name: 'index-html',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
      },
    },
  ],
  onwarn(warning, warn) {
    // React Server Components directives mean nothing in a browser bundle.
    if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
    warn(warning);
  },
};
