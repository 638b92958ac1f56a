/**
 * The engine's parts that only matter once a file is on its way, loaded on first use (see
 * lazily): the runner (queue, lanes, sniffing ahead, the runs) with the pipeline's network steps
 * and the MD5 reader in its chunk (all three were fetched at the same moment as chunks of their
 * own, and split apart they made the first load share more chunks with them), and the sniffer.
 * An app that only renders an uploader ships the records and the checks made at `add`, not these.
 */
import { lazily } from '../lazy.js';
import { loadSniffer } from '../rules/validate.js';

export const loadRunner = lazily(() => import('./runner-loaded.js'));
export { loadSniffer };
/** Only an engine with `resume` on loads it, when it is made. */
export const loadResume = lazily(() => import('./resume-loaded.js'));

/**
 * In a browser, an engine starts fetching them when it is made (an uploader mounting), so the
 * first file dropped does not wait for them; `withRunner` (the engine's `loadWithRunner`) with
 * them. Failures are retried on first real use.
 */
export function prefetchSteps(withRunner: () => Promise<unknown>): void {
  if (typeof window === 'undefined') return;
  for (const load of [loadRunner, loadSniffer, withRunner]) load().catch(() => undefined);
}
