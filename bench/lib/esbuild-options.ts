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
} as const satisfies BuildOptions;
