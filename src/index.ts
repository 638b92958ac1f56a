/**
 * The `filedock` entry: React provider, hooks and components, with the core re-exported.
 * The build adds `'use client'` to this bundle; each React module also carries it.
 */
export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';
