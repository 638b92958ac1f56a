/**
 * The one set of bundler settings every bench build uses, so the test page and every size
 * figure (filedock and its peers alike) are built the same way.
 */
import type { BuildOptions } from 'esbuild';

export const BROWSER_BUNDLE = {
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  jsx: 'automatic',
  // As apps ship text: Vite builds with `charset: 'utf8'` and terser (webpack, Next) writes UTF-8
  // by default; esbuild's own default escapes every non-ASCII character as `\uXXXX`.
  charset: 'utf8',
} as const satisfies BuildOptions;
