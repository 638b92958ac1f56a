/**
 * Everything resume needs for one engine, made from its options: the journal (scoped to the
 * backend and the app's scope), the tab coordination, the tracker and the restorer. Returns
 * `undefined` when resume is off, so the engine's only question is "is there one?".
 */
import type { FilesBackend } from '../../backend.js';
import { createResumeCoordinator } from './coordination.js';
import { DEFAULT_ENTRY_TTL_MS, openResumeJournal } from './journal.js';
import { DEFAULT_STORE_BYTES_UP_TO, type ResumeOptions, resumeScope } from './options.js';
import { createRestorer, type RestoreHost, type Restorer } from './restore.js';
import { createResumeTracker, type ResumeTracker } from './tracker.js';

export interface EngineResume {
  readonly tracker: ResumeTracker;
  readonly restorer: Restorer;
  destroy(): void;
}

export function setupResume(
  backend: FilesBackend,
  resume: boolean | ResumeOptions | undefined,
  host: RestoreHost,
): EngineResume | undefined {
  if (!resume) return undefined;
  const options: ResumeOptions = resume === true ? {} : resume;
  const scope = resumeScope(backend.scope, options);
  const journal = options.journal ?? openResumeJournal({ scope, now: () => host.now() });
  const coordinator = options.coordinator ?? createResumeCoordinator(`filedock-resume|${scope}`);
  const tracker = createResumeTracker({
    journal,
    coordinator,
    storeBytesUpTo: options.storeBytesUpTo ?? DEFAULT_STORE_BYTES_UP_TO,
    ttlMs: options.ttlMs ?? DEFAULT_ENTRY_TTL_MS,
    now: () => host.now(),
  });
  const restorer = createRestorer({ host, journal, coordinator, tracker });
  return {
    tracker,
    restorer,
    destroy() {
      restorer.stop();
      if (!options.coordinator) coordinator.close();
    },
  };
}
