// webpack 5 as a React app sets it up: production mode, CSS through css-loader + style-loader,
// html-webpack-plugin. Nothing filedock-specific.
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('./dist', import.meta.url)), clean: true },
  module: { rules: [{ test: /\.css$/, use: ['style-loader', 'css-loader'] }] },
  plugins: [new HtmlWebpackPlugin({ template: 'index.html' })],
  performance: { hints: false },
};
