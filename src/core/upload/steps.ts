/**
 * The engine's parts that only matter once a file is on its way, loaded on first use (see
 * lazily): the runner (queue, lanes, sniffing ahead, the runs), the pipeline's network steps, the
 * sniffer and the MD5 reader. An app that only renders an uploader ships the records and the
 * checks made at `add`, not these.
 */
import { lazily } from '../lazy.js';
import { loadSniffer } from '../rules/validate.js';

export const loadRunner = lazily(() => import('./runner-loaded.js'));
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
  for (const load of [loadRunner, loadPipeline, loadSniffer, loadMd5])
    load().catch(() => undefined);
}
