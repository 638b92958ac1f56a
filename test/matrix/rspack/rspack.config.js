// Rspack as its docs set up a browser app: production mode, its built-in CSS support and HTML
// plugin. Nothing filedock-specific.
import { fileURLToPath } from 'node:url';
import { rspack } from '@rspack/core';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('./dist', import.meta.url)), clean: true },
  module: { rules: [{ test: /\.css$/, type: 'css/auto' }] },
  plugins: [new rspack.HtmlRspackPlugin({ template: 'index.html' })],
  performance: { hints: false },
};
