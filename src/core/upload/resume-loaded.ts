/**
 * What an engine with `resume` on loads through `import()` (see steps.ts and lazy-resume.ts):
 * the journal, tab coordination, tracker and restorer. Resume is off by default, so an app that
 * never turns it on never downloads any of it.
 */
export { setupResume } from './resume/setup.js';
