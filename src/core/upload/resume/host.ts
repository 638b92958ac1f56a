/**
 * The engine's side of resume (see `RestoreHost`): what the restorer decides about a journaled
 * upload becomes a record in the store, and a job for the runner when it is to run again. Loaded
 * with the rest of resume, so an app with resume off never downloads it.
 */
import type { FilesBackend } from '../../backend.js';
import { checksumOn, createJob, jobSettings, type Job } from '../job.js';
import { localize } from '../messages.js';
import { applyPlan, restoredRecord, restoredSettings, sessionFileOf } from '../restored.js';
import type { UploadStore } from '../store.js';
import type { Upload, UploadEngineOptions } from '../types.js';
import type { RestoreHost } from './restore.js';

/** What the runner lends the host. */
export interface RestoreSide {
  readonly backend: FilesBackend;
  readonly store: UploadStore;
  /** The engine's options now. */
  options(): UploadEngineOptions;
  hashFile: NonNullable<UploadEngineOptions['hashFile']>;
  /** Queues a job to run: sniffed first unless its type is known. */
  enqueue(job: Job): void;
}

export function createRestoreHost(side: RestoreSide): RestoreHost {
  const { backend, store } = side;
  const find = (localId: string): Upload | undefined =>
    store.getState().uploads.find((upload) => upload.localId === localId);
  /** Shows a restored upload's record, unless it is on screen already. */
  const show = (upload: Upload): void => {
    if (find(upload.localId)) return;
    store.dispatch({ type: 'added', uploads: [upload] });
  };
  const placeholderOf = (localId: string): File => find(localId)?.file ?? new File([], localId);

  return {
    backend,
    now: () => Date.now(),
    hashFile: (file, { signal }) =>
      side.hashFile(file, { signal: signal ?? new AbortController().signal }),
    get checksum() {
      return checksumOn(side.options(), backend);
    },
    interrupted(entry, reason, error) {
      show(restoredRecord(entry, 'interrupted'));
      store.dispatch({
        type: 'interrupted',
        localId: entry.key,
        reason,
        ...(error
          ? { error: localize(error, placeholderOf(entry.key), side.options().messages) }
          : {}),
      });
    },
    completed(entry, file) {
      show(restoredRecord(entry, 'completed', undefined, file));
      store.dispatch({ type: 'completed', localId: entry.key, serverFile: file });
    },
    run(entry, plan) {
      const settings = jobSettings(side.options(), backend, entry.purpose);
      const job = createJob(
        entry.key,
        plan.file,
        restoredSettings(settings, plan),
        backend.transfer.kind,
      );
      applyPlan(job, plan);
      if (find(entry.key))
        store.dispatch({ type: 'requeued', localId: entry.key, file: plan.file });
      else show(restoredRecord(entry, 'queued', plan.file));
      const serverFile = sessionFileOf(plan);
      if (serverFile) store.dispatch({ type: 'session', localId: entry.key, serverFile });
      side.enqueue(job);
    },
    dropped(entry) {
      store.dispatch({ type: 'removed', localIds: [entry.key] });
    },
    failed(entry) {
      show(restoredRecord(entry, 'failed'));
    },
  };
}
