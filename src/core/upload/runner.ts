import { computeMd5, md5OfBytes, WORKER_THRESHOLD } from '../checksum/md5.js';
import { toErrorInfo } from '../errors.js';
import { newIdempotencyKey } from '../http/idempotency.js';
import { isMimeTypeAllowed } from '../rules/purposes.js';
import { typeError } from '../rules/validate.js';
import { runtimeConnectivity } from './connectivity.js';
import { createJob, jobSettings, stopMd5, type Job } from './job.js';
import { createLanes } from './lanes.js';
import { lazyResume } from './lazy-resume.js';
import { localize } from './messages.js';
import { createOnlineGate } from './online.js';
import { runJob, startMd5, type Outcome, type PipelineContext } from './pipeline.js';
import { safely } from './report.js';
import { createRunPart } from './run-part.js';
import { cancelOnServer, discardOnServer, reconcileCancel } from './server-cancel.js';
import type { Runner, RunnerHost } from './runner-types.js';
import { createSniffQueue } from './sniff-queue.js';
import { loadResume, loadSniffer } from './steps.js';
import type { Upload, UploadEngineOptions } from './types.js';

/**
 * Files sniffed ahead of the queue, per lane: a file needs its type before it starts, and no
 * sooner, so a large pick is read a few files at a time while it uploads, not all at `add`.
 */
const SNIFF_AHEAD_PER_LANE = 1;
const concurrencyOf = (options: UploadEngineOptions): number =>
  Math.max(1, Math.floor(options.concurrency ?? 4));

export function createRunner(host: RunnerHost): Runner {
  const { backend, store, initial } = host;
  // From here on uploads run: the store learns their transitions and paces their notifications.
  store.extend(createRunPart);
  const jobs = new Map<string, Job>();
  /** The concurrency as of the last options: only a higher one has uploads to start at once. */
  let concurrency = concurrencyOf(host.options());
  const lanes = createLanes<Job>(
    () => concurrencyOf(host.options()),
    () => pump(),
  );
  const connection = createOnlineGate(initial.connectivity ?? runtimeConnectivity(), () => pump());

  const find = (localId: string): Upload | undefined =>
    store.getState().uploads.find((upload) => upload.localId === localId);

  /**
   * A small file that sends an MD5 is read once, whole, when sniffed: its type from the first
   * bytes, its MD5 from all of them (hashed there and then, as the main thread would hash it during
   * the PUT anyway). A second read and a stream per file cost more than the hash itself, and the
   * complete no longer waits on one. An app's own `hashFile` is left to read the file its way.
   */
  const readsWhole = (job: Job): boolean =>
    job.settings.checksum &&
    job.md5 === undefined &&
    !host.options().hashFile &&
    job.file.size <= WORKER_THRESHOLD;

  const sniffs = createSniffQueue({
    async sniff(job) {
      const sniffer = await loadSniffer();
      if (!readsWhole(job)) return sniffer.resolveMimeType(job.file);
      const bytes = new Uint8Array(await job.file.arrayBuffer());
      startMd5(ctx, job, bytes);
      return sniffer.mimeTypeOfBytes(job.file, bytes);
    },
    ahead: () => SNIFF_AHEAD_PER_LANE * concurrencyOf(host.options()),
    waiting: (job) => jobs.get(job.localId) === job && find(job.localId)?.phase === 'queued',
    sniffed(job, mimeType) {
      if (!isMimeTypeAllowed(job.settings.rule, mimeType)) {
        jobs.delete(job.localId);
        host.reject(job.file, job.localId, [typeError(job.file, job.settings.rule)]);
        return false;
      }
      job.mimeType = mimeType;
      return true;
    },
    ready: () => pump(),
  });

  const ctx: PipelineContext = {
    backend,
    hashFile: (file, hashOptions) => {
      const { hashFile } = host.options();
      return hashFile ? hashFile(file, hashOptions) : computeMd5(file, hashOptions);
    },
    hashBytes: md5OfBytes,
    dispatch: (action, urgency) => store.dispatch(action, urgency),
    isOnline: () => connection.online(),
    waitOnline: (signal) => connection.wait(signal),
    cancelOnServer: (id) => cancelOnServer(backend, id),
    discard: (id) => discardOnServer(backend, id),
    transferSlot: (job, signal) => lanes.transfer(job, signal),
    transferred: (job) => lanes.transferred(job),
    checkpoint: (job) => resume?.tracker.checkpoint(job) ?? Promise.resolve(),
    now: () => Date.now(),
  };

  /** Into the queue: sniffed first unless its type is known, then started when a lane is free. */
  const enqueue = (job: Job): void => {
    jobs.set(job.localId, job);
    if (job.mimeType === undefined) sniffs.pick([job]);
    else pump();
  };

  const firstPhase = (job: Job): 'creating' | 'uploading' | 'completing' =>
    job.step === 'create' ? 'creating' : job.step === 'complete' ? 'completing' : 'uploading';

  const settle = (job: Job): void => {
    if (!job.started) return;
    job.started = false;
    const upload = find(job.localId);
    if (upload) safely(host.options().onSettled, upload);
  };

  const finish = (job: Job, controller: AbortController, outcome: Outcome): void => {
    if (job.controller !== controller) {
      // Cancelled after a direct upload's answer arrived: the service has the file; take it back.
      if (outcome.type === 'completed' && job.step === 'upload') ctx.discard(outcome.file.id);
      return; // the slot was released at the cancel
    }
    job.controller = undefined;
    lanes.released(job);
    const options = host.options();
    if (outcome.type === 'completed') {
      job.session = undefined;
      store.dispatch({ type: 'completed', localId: job.localId, serverFile: outcome.file });
      const upload = find(job.localId);
      if (upload) safely(options.onUploaded, outcome.file, upload);
      settle(job);
      jobs.delete(job.localId);
      void resume?.tracker.forget(job.localId);
    } else if (outcome.type === 'failed') {
      stopMd5(job);
      const error = localize(outcome.error, job.file, options.messages);
      // The pipeline closed its session on giving up; the journal keeps the failure, so a
      // reload still shows which file did not make it.
      void resume?.tracker.failed(job.localId, error);
      store.dispatch({ type: 'failed', localId: job.localId, error });
      const upload = find(job.localId);
      if (upload) safely(options.onError, error, upload);
      settle(job);
    }
    pump();
  };

  const start = (job: Job): void => {
    lanes.started(job);
    sniffs.leave(job);
    const controller = new AbortController();
    job.controller = controller;
    store.dispatch({ type: 'phase', localId: job.localId, phase: firstPhase(job) });
    job.started = true;
    const upload = find(job.localId);
    if (upload) safely(host.options().onStart, upload);
    // On a microtask, as when the pipeline was a chunk of its own: the sniff queue moves on first.
    Promise.resolve()
      .then(() => runJob(ctx, job, controller.signal))
      .then(
        (outcome) => finish(job, controller, outcome),
        (error: unknown) => finish(job, controller, { type: 'failed', error: toErrorInfo(error) }),
      );
    sniffs.next();
  };

  function pump(): void {
    lanes.widened();
    if (!connection.online() || resuming?.loading()) return;
    for (const upload of store.getState().uploads) {
      if (lanes.full()) return;
      if (upload.phase !== 'queued') continue;
      const job = jobs.get(upload.localId);
      if (job && job.mimeType !== undefined && !job.controller && lanes.canStart(job)) start(job);
    }
  }

  // Made last: restoring runs the queue, which needs everything above.
  // Its modules load through import(), only when on; uploads start once it can journal them.
  const resuming = initial.resume
    ? lazyResume(() =>
        loadResume().then(({ setupResume, createRestoreHost }) =>
          setupResume(
            backend,
            initial.resume,
            createRestoreHost({
              backend,
              store,
              options: host.options,
              hashFile: ctx.hashFile,
              enqueue,
            }),
          ),
        ),
      )
    : undefined;
  const resume = resuming?.resume;
  resume?.restorer.start().catch(() => undefined); // each entry settles itself; never unhandled
  void resuming?.loaded.then(pump);

  return {
    take(accepted) {
      const queued: Job[] = [];
      for (const { localId, file, options, rule } of accepted) {
        const job = createJob(
          localId,
          file,
          jobSettings(options, backend, options.purpose, rule),
          backend.transfer.kind,
        );
        // Its create's key from the start: journaled with the pick's entries (one write for
        // the pick), so the create finds it written and sends at once (see Job.createKey).
        if (job.step === 'create') job.createKey = newIdempotencyKey();
        jobs.set(localId, job);
        // One whose wait ended in a failure to load the runner waits for its Retry.
        if (find(localId)?.phase !== 'queued') continue;
        resume?.tracker.added(job);
        queued.push(job);
      }
      sniffs.pick(queued);
    },
    cancelled(upload) {
      const { localId } = upload;
      if (upload.phase === 'interrupted') {
        // Discarding an interrupted upload closes its session on the server too.
        resume?.restorer.discard(localId).catch(() => undefined);
        return;
      }
      const job = jobs.get(localId);
      void resume?.tracker.forget(localId);
      if (!job) {
        resume?.restorer.discard(localId).catch(() => undefined); // failed before a reload
        return;
      }
      jobs.delete(localId);
      sniffs.leave(job);
      stopMd5(job);
      if (job.controller) {
        job.controller.abort();
        job.controller = undefined;
        lanes.released(job);
      }
      if (job.session && job.step === 'complete')
        reconcileCancel(backend, job.session.id, (file) => {
          store.dispatch({ type: 'reconciled', localId, serverFile: file });
          const current = find(localId);
          if (current?.phase === 'completed') safely(host.options().onUploaded, file, current);
        });
      else if (job.session) ctx.cancelOnServer(job.session.id);
      settle(job);
      pump();
    },
    retry(localId) {
      const job = jobs.get(localId);
      if (!job) {
        // Failed before a reload: the restorer starts it over from the journal.
        resume?.restorer.retry(localId).catch(() => undefined);
        return;
      }
      job.verifySession = job.session !== undefined;
      job.expiryRenewals = 0;
      job.conflictRenewals = 0;
      job.checksumReputs = 0;
      store.dispatch({ type: 'requeued', localId });
      if (job.step === 'create') job.createKey ??= newIdempotencyKey();
      resume?.tracker.added(job); // journaled again: it was forgotten when it failed
      enqueue(job);
    },
    cleared(localIds) {
      for (const localId of localIds) {
        const job = jobs.get(localId);
        if (job?.session) ctx.cancelOnServer(job.session.id); // a failed upload's PENDING session
        jobs.delete(localId);
        void resume?.tracker.forget(localId); // a failed upload's journal entry
        resume?.restorer.discard(localId).catch(() => undefined); // one from before a reload
      }
    },
    supply(localId, file) {
      resume?.restorer.supply(localId, file).catch(() => undefined);
    },
    resume(localId) {
      resume?.restorer.resume(localId).catch(() => undefined);
    },
    optionsChanged() {
      // A higher concurrency starts queued uploads now; a lower one waits for running ones to end.
      // Anything else has nothing to start: a host hands its options over after every render.
      const next = concurrencyOf(host.options());
      if (next <= concurrency) {
        concurrency = next;
        return;
      }
      concurrency = next;
      pump();
      sniffs.next();
    },
    destroy() {
      connection.destroy();
      resume?.destroy();
      pump();
    },
  };
}
