/**
 * The `filedock` entry: React provider, hooks and components, with the core re-exported.
 * It carries no `'use client'` of its own: each React module does, so a Server Component can
 * import the components from here, and an `export *` barrel stays valid for Next's webpack.
 */
export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';
