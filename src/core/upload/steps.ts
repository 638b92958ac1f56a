/**
 * The engine's steps that touch the network or read bytes, loaded on first use (see lazily): an
 * app that only renders an uploader ships the queue and state, not the pipeline, the sniffer or
 * the MD5 reader.
 */
import { lazily } from '../lazy.js';
import { loadSniffer } from '../rules/validate.js';

export const loadPipeline = lazily(() => import('./pipeline.js'));
export { loadSniffer };
export const loadMd5 = lazily(() => import('../checksum/md5.js'));
/** Only an engine with `resume` on loads it, when it is made. */
export const loadResume = lazily(() => import('./resume-loaded.js'));

/**
 * In a browser, an engine starts fetching them when it is made (an uploader mounting), so the
 * first file dropped does not wait for them. Failures are retried on first real use.
 */
export function prefetchSteps(): void {
  if (typeof window === 'undefined') return;
  for (const load of [loadPipeline, loadSniffer, loadMd5]) load().catch(() => undefined);
}
