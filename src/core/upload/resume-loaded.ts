/**
 * What an engine with `resume` on loads through `import()` (see steps.ts and lazy-resume.ts):
 * the journal, tab coordination, tracker, restorer and the engine's host for it. Resume is off by
 * default, so an app that never turns it on never downloads any of it.
 */
export { createRestoreHost } from './resume/host.js';
export { setupResume } from './resume/setup.js';
