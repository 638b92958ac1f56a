/**
 * What an engine loads through `import()` once files are added (see steps.ts and lazy-runner.ts):
 * the runner (with the pipeline, the MD5 reader and the store's run part it imports), and the
 * unload guard, which only matters while bytes are on their way, so never before the runner is
 * there (see lazy-unload-guard.ts).
 */
export { createRunner } from './runner.js';
export { guardUnload } from './unload-guard.js';
