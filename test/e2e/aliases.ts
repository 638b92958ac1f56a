/**
 * How the e2e page (and the SSR test) import filedock the way a user would, as `filedock` and
 * `filedock/styles.css`, while resolving to the sources: `npm test` works on a fresh clone
 * without a prior build. vitest.config.ts repeats these two entries for the Node side.
 */
import { fileURLToPath } from 'node:url';

const src = (path: string): string => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export const filedockAliases = [
  { find: /^filedock$/, replacement: src('index.ts') },
  { find: /^filedock\/styles\.css$/, replacement: src('components/styles.css') },
];
