/**
 * `createUploadEngine`: validation at `add`, a FIFO queue with a concurrency limit, pause while
 * offline, cancel/retry/remove, and the store React binds to. One upload's steps live in
 * pipeline.ts; its record changes only through reducer.ts.
 *
 * Validation is two-staged: name, size and the claimed type (`file.type` or extension) are
 * checked synchronously in `add`, so those rejections show at once; files that pass stay
 * `queued` while their first bytes are sniffed (see `resolveMimeType`) and are rejected then if
 * the bytes prove a refused type. Only sniffed files start. Rejected files make no network call.
 */
import { toErrorInfo, type FileError } from '../errors.js';
import { claimedMimeType } from '../rules/mime.js';
import { defaultPurposeRules, isMimeTypeAllowed, ruleFor } from '../rules/purposes.js';
import { fileErrors, tooManyError, typeError } from '../rules/validate.js';
import { runtimeConnectivity } from './connectivity.js';
import { createJob, stopMd5, type Job } from './job.js';
import { lazyResume } from './lazy-resume.js';
import { createLanes } from './lanes.js';
import { localize } from './messages.js';
import type { Outcome, PipelineContext } from './pipeline.js';
import { createUpload, isActive, SETTLED_PHASES } from './reducer.js';
import { applyPlan, restoredRecord, restoredSettings, sessionFileOf } from './restored.js';
import type { RestoreHost } from './resume/restore.js';
import { resolveRetry, uploadCancelled } from './retry.js';
import { loadMd5, loadPipeline, loadResume, loadSniffer, prefetchSteps } from './steps.js';
import { createUploadStore } from './store.js';
import type { Upload, UploadEngine, UploadEngineOptions } from './types.js';

/** Files whose first bytes are read at once. */
const SNIFF_CONCURRENCY = 8;
/**
 * Files sniffed ahead of the queue, per lane: a file needs its type before it starts, and no
 * sooner, so a large pick is read a few files at a time while it uploads, not all at `add`.
 */
const SNIFF_AHEAD_PER_LANE = 1;
/**
 * A pick larger than this starts its first sniffs (and so its uploads) once the main thread is
 * idle: the requests, parsing and state changes of the first uploads otherwise compete with the
 * app painting the list of what was picked.
 */
const LARGE_ADD = 100;
/** Longest a large pick waits for an idle main thread. */
const IDLE_TIMEOUT_MS = 500;

function whenIdle(run: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: typeof requestIdleCallback })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

let counter = 0;
function newLocalId(): string {
  const uuid = (globalThis.crypto as Crypto | undefined)?.randomUUID;
  if (typeof uuid === 'function') return uuid.call(globalThis.crypto);
  counter += 1;
  return `upload-${Date.now().toString(36)}-${counter}`;
}

const concurrencyOf = (options: UploadEngineOptions): number =>
  Math.max(1, Math.floor(options.concurrency ?? 4));

/** App callbacks may throw; that must never break an upload or the queue. */
function safely<A extends unknown[]>(
  callback: ((...args: A) => void) | undefined,
  ...args: A
): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError;
    if (typeof reportError === 'function') reportError(error);
    else console.error(error);
  }
}

export function createUploadEngine(initial: UploadEngineOptions): UploadEngine {
  const { backend } = initial;
  prefetchSteps();
  // Replaced whole by setOptions. Read where used, so callbacks and concurrency are always the
  // latest; what an upload depends on for its whole life is copied into its job at `add`.
  let options: UploadEngineOptions = initial;
  let rule = ruleFor(options.purpose, options.rules ?? defaultPurposeRules);
  const store = createUploadStore();
  const jobs = new Map<string, Job>();
  const connectivity = options.connectivity ?? runtimeConnectivity();
  let online = connectivity.online;
  let destroyed = false;
  const onlineWaiters = new Set<() => void>();
  const lanes = createLanes<Job>(
    () => concurrencyOf(options),
    () => pump(),
  );

  const find = (localId: string): Upload | undefined =>
    store.getState().uploads.find((upload) => upload.localId === localId);

  const wake = (): void => {
    for (const resolve of [...onlineWaiters]) resolve();
    onlineWaiters.clear();
  };

  const unsubscribe = connectivity.subscribe((value) => {
    online = value;
    if (value) {
      wake();
      pump();
    }
  });

  const ctx: PipelineContext = {
    backend,
    hashFile: (file, hashOptions) =>
      options.hashFile
        ? options.hashFile(file, hashOptions)
        : loadMd5().then((md5) => md5.computeMd5(file, hashOptions)),
    dispatch: (action, urgency) => store.dispatch(action, urgency),
    isOnline: () => online,
    waitOnline(signal) {
      if (online) return Promise.resolve();
      if (signal.aborted) return Promise.reject(uploadCancelled());
      return new Promise((resolve, reject) => {
        const done = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          onlineWaiters.delete(done);
          reject(uploadCancelled());
        };
        onlineWaiters.add(done);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    cancelOnServer(id) {
      if (!backend.capabilities.cancel || !backend.cancel) return;
      // Best effort: the session may already be settled (409) or the network gone; the local
      // record says cancelled either way, and nothing may surface as an unhandled rejection.
      backend.cancel(id).catch(() => undefined);
    },
    discard(id) {
      if (!backend.capabilities.delete || !backend.delete) return;
      backend.delete(id).catch(() => undefined); // best effort, as every server-side cancel
    },
    transferSlot: (job, signal) => lanes.transfer(job, signal),
    checkpoint: (job) => resume?.tracker.checkpoint(job) ?? Promise.resolve(),
    now: () => Date.now(),
  };

  const settingsNow = (purpose: string | undefined) => ({
    purpose,
    rule: ruleFor(purpose, options.rules ?? defaultPurposeRules),
    checksum: options.checksum !== false && backend.capabilities.checksum === 'md5',
    retry: resolveRetry(options.retry),
  });

  /** Shows a restored upload's record, or updates it when it is on screen already. */
  const showRestored = (upload: Upload): void => {
    if (find(upload.localId)) return;
    store.dispatch({ type: 'added', uploads: [upload] });
  };

  // Resume after a reload (off by default): the engine's side of it is this host.
  const host: RestoreHost = {
    backend,
    now: () => Date.now(),
    hashFile: (file, { signal }) =>
      ctx.hashFile(file, { signal: signal ?? new AbortController().signal }),
    get checksum() {
      return options.checksum !== false && backend.capabilities.checksum === 'md5';
    },
    interrupted(entry, reason, error) {
      showRestored(restoredRecord(entry, 'interrupted'));
      store.dispatch({
        type: 'interrupted',
        localId: entry.key,
        reason,
        ...(error ? { error: localize(error, placeholderOf(entry.key), options.messages) } : {}),
      });
    },
    completed(entry, file) {
      showRestored(restoredRecord(entry, 'completed', undefined, file));
      store.dispatch({ type: 'completed', localId: entry.key, serverFile: file });
    },
    run(entry, plan) {
      const job = createJob(
        entry.key,
        plan.file,
        restoredSettings(settingsNow(entry.purpose), plan),
        backend.transfer.kind,
      );
      applyPlan(job, plan);
      if (find(entry.key))
        store.dispatch({ type: 'requeued', localId: entry.key, file: plan.file });
      else showRestored(restoredRecord(entry, 'queued', plan.file));
      const serverFile = sessionFileOf(plan);
      if (serverFile) store.dispatch({ type: 'session', localId: entry.key, serverFile });
      jobs.set(entry.key, job);
      if (job.mimeType === undefined) {
        toSniff.push(job);
        sniffNext();
      } else pump();
    },
    dropped(entry) {
      store.dispatch({ type: 'removed', localIds: [entry.key] });
    },
    failed(entry) {
      showRestored(restoredRecord(entry, 'failed'));
    },
  };
  const placeholderOf = (localId: string): File => find(localId)?.file ?? new File([], localId);
  const firstPhase = (job: Job): 'creating' | 'uploading' | 'completing' =>
    job.step === 'create' ? 'creating' : job.step === 'complete' ? 'completing' : 'uploading';

  const settle = (job: Job): void => {
    if (!job.started) return;
    job.started = false;
    const upload = find(job.localId);
    if (upload) safely(options.onSettled, upload);
  };

  const finish = (job: Job, controller: AbortController, outcome: Outcome): void => {
    if (job.controller !== controller) {
      // Cancelled after a direct upload's answer arrived: the service has the file; take it back.
      if (outcome.type === 'completed' && job.step === 'upload') ctx.discard(outcome.file.id);
      return; // the slot was released at the cancel
    }
    job.controller = undefined;
    lanes.released(job);
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
    ready.delete(job);
    const controller = new AbortController();
    job.controller = controller;
    store.dispatch({ type: 'phase', localId: job.localId, phase: firstPhase(job) });
    job.started = true;
    const upload = find(job.localId);
    if (upload) safely(options.onStart, upload);
    loadPipeline()
      .then(({ runJob }) => runJob(ctx, job, controller.signal))
      .then(
        (outcome) => finish(job, controller, outcome),
        (error: unknown) => finish(job, controller, { type: 'failed', error: toErrorInfo(error) }),
      );
    sniffNext();
  };

  function pump(): void {
    lanes.widened();
    if (!online || resuming?.loading()) return;
    for (const upload of store.getState().uploads) {
      if (lanes.full()) return;
      if (upload.phase !== 'queued') continue;
      const job = jobs.get(upload.localId);
      if (job && job.mimeType !== undefined && !job.controller && lanes.canStart(job)) start(job);
    }
  }

  const reject = (file: File, localId: string, errors: [FileError, ...FileError[]]): void => {
    const [first, ...rest] = errors.map((error) => localize(error, file, options.messages));
    const localized = [first as FileError, ...rest];
    store.dispatch({
      type: 'rejected',
      localId,
      rejection: { file, errors: localized },
      error: localized[0] as FileError,
    });
  };

  // Sniffs run a few at a time and only a little ahead of the queue: each costs a Blob.slice +
  // read, and a thousand of them while the list first paints would compete with it. FIFO, so
  // files still start in order. `ready`: sniffed, not started yet.
  const toSniff: Job[] = [];
  const ready = new Set<Job>();
  let sniffed = 0;
  let sniffing = 0;
  const sniffNext = (): void => {
    const ahead = SNIFF_AHEAD_PER_LANE * concurrencyOf(options);
    while (
      sniffing < SNIFF_CONCURRENCY &&
      sniffing + ready.size < ahead &&
      sniffed < toSniff.length
    ) {
      const job = toSniff[sniffed] as Job;
      sniffed += 1;
      if (jobs.get(job.localId) !== job) continue; // cancelled or removed while waiting
      sniffing += 1;
      sniff(job);
    }
    if (sniffed === toSniff.length) {
      toSniff.length = 0;
      sniffed = 0;
    }
  };

  const sniff = (job: Job): void => {
    loadSniffer()
      .then(({ resolveMimeType }) => resolveMimeType(job.file))
      .then(
        (mimeType) => mimeType,
        () => claimedMimeType(job.file) ?? 'application/octet-stream', // unreadable now: the PUT will say so
      )
      .then((mimeType) => {
        if (jobs.get(job.localId) !== job || find(job.localId)?.phase !== 'queued') return;
        if (!isMimeTypeAllowed(job.settings.rule, mimeType)) {
          jobs.delete(job.localId);
          reject(job.file, job.localId, [typeError(job.file, job.settings.rule)]);
          return;
        }
        job.mimeType = mimeType;
        ready.add(job);
        pump();
      })
      .finally(() => {
        sniffing -= 1;
        sniffNext();
      });
  };

  const cancel = (localId: string): void => {
    const upload = find(localId);
    if (upload?.phase === 'interrupted') {
      // Discarding an interrupted upload closes its session on the server too.
      store.dispatch({ type: 'cancelled', localId });
      resume?.restorer.discard(localId).catch(() => undefined);
      return;
    }
    if (!upload || !(isActive(upload) || upload.phase === 'failed')) return;
    const job = jobs.get(localId);
    store.dispatch({ type: 'cancelled', localId });
    void resume?.tracker.forget(localId);
    if (!job) {
      resume?.restorer.discard(localId).catch(() => undefined); // failed before a reload
      return;
    }
    jobs.delete(localId);
    ready.delete(job);
    stopMd5(job);
    if (job.controller) {
      job.controller.abort();
      job.controller = undefined;
      lanes.released(job);
    }
    if (job.session && job.step === 'complete') reconcileCancel(localId, job.session.id);
    else if (job.session) ctx.cancelOnServer(job.session.id);
    settle(job);
    pump();
  };

  /**
   * A cancel during `completing` may arrive after the server completed the file: the cancel is
   * then refused (409), and the file exists. Show it as completed rather than lie about it.
   */
  const reconcileCancel = (localId: string, id: string): void => {
    if (!backend.capabilities.cancel || !backend.cancel) return;
    backend
      .cancel(id)
      .then(
        () => undefined,
        () => backend.retrieve(id),
      )
      .then((current) => {
        if (current?.status !== 'COMPLETED') return;
        store.dispatch({ type: 'reconciled', localId, serverFile: current });
        const upload = find(localId);
        if (upload?.phase === 'completed') safely(options.onUploaded, current, upload);
      })
      .catch(() => undefined); // best effort, as every server-side cancel
  };

  // Made last: restoring runs the queue, which needs everything above.
  // Its modules load through import(), only when on; uploads start once it can journal them.
  const resuming = initial.resume
    ? lazyResume(() => loadResume().then((m) => m.setupResume(backend, initial.resume, host)))
    : undefined;
  const resume = resuming?.resume;
  resume?.restorer.start().catch(() => undefined); // each entry settles itself; never unhandled
  void resuming?.loaded.then(pump);

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    add(files) {
      const { purpose } = options;
      const list = Array.from(files);
      const uploads = list.map((file) => createUpload(newLocalId(), file, purpose, Date.now()));
      store.dispatch({ type: 'added', uploads });
      const maxFiles = options.maxFiles ?? rule.maxFiles;
      const settings = {
        purpose,
        rule,
        checksum: options.checksum !== false && backend.capabilities.checksum === 'md5',
        retry: resolveRetry(options.retry),
      };
      let accepted = 0;
      for (const { localId, file } of uploads) {
        // An unknown claimed type is left to sniffing; a known refused one is refused now.
        let errors = fileErrors(file, rule, claimedMimeType(file));
        if (errors.length === 0 && maxFiles !== undefined && accepted >= maxFiles)
          errors = [tooManyError(file, maxFiles)];
        const [first, ...rest] = errors;
        if (first) {
          reject(file, localId, [first, ...rest]);
          continue;
        }
        accepted += 1;
        const job = createJob(localId, file, settings, backend.transfer.kind);
        jobs.set(localId, job);
        resume?.tracker.added(job);
        toSniff.push(job);
      }
      if (uploads.length > LARGE_ADD) whenIdle(sniffNext);
      else sniffNext();
      return uploads.map((upload) => upload.localId);
    },
    setOptions(next) {
      options = { ...next, backend };
      rule = ruleFor(options.purpose, options.rules ?? defaultPurposeRules);
      // A higher concurrency starts queued uploads now; a lower one waits for running ones to end.
      pump();
      sniffNext();
    },
    cancel,
    retry(localId) {
      const job = jobs.get(localId);
      if (find(localId)?.phase !== 'failed') return;
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
      resume?.tracker.added(job); // journaled again: it was forgotten when it failed
      pump();
    },
    supply(localId, file) {
      resume?.restorer.supply(localId, file).catch(() => undefined);
    },
    resume(localId) {
      resume?.restorer.resume(localId).catch(() => undefined);
    },
    remove(localId) {
      cancel(localId);
      jobs.delete(localId);
      store.dispatch({ type: 'removed', localIds: [localId] });
    },
    clear() {
      const settled = store
        .getState()
        .uploads.filter((upload) => SETTLED_PHASES.has(upload.phase))
        .map((upload) => upload.localId);
      for (const localId of settled) {
        const job = jobs.get(localId);
        if (job?.session) ctx.cancelOnServer(job.session.id); // a failed upload's PENDING session
        jobs.delete(localId);
        void resume?.tracker.forget(localId); // a failed upload's journal entry
        resume?.restorer.discard(localId).catch(() => undefined); // one from before a reload
      }
      store.dispatch({ type: 'removed', localIds: settled });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      resume?.destroy();
      // Without the events there is no way back online: never leave uploads paused forever.
      online = true;
      wake();
      store.destroy();
      pump();
    },
  };
}
