/**
 * One run of one upload: create → PUT (with the MD5 alongside) → complete for a session
 * transfer, or the one request of a direct transfer. The engine is the only layer that retries
 * these requests (it asks the client for none, `maxRetries: 0`), so `upload.attempts` counts
 * every request repeated. `recover` decides what a step's final failure means; session-recovery.ts
 * asks the server when a session's state decides it, and closes a session given up or replaced.
 * A run never rejects: it resolves to an outcome.
 */
import type {
  DirectTransfer,
  FilesBackend,
  RemoteFile,
  SessionTransfer,
  UploadParams,
} from '../backend.js';
import { FiledockError, isFiledockError, toErrorInfo, type ErrorInfo } from '../errors.js';
import { sleep, untilAborted } from '../http/abort.js';
import { retryDelay } from '../http/backoff.js';
import { newIdempotencyKey } from '../http/idempotency.js';
import { fileOfSession, type Job } from './job.js';
import { expiredError, recover } from './recovery.js';
import type { UploadAction, WorkingPhase } from './reducer.js';
import { uploadCancelled } from './retry.js';
import { abandonSession, confirmExpiry, dropReplaced, verifySession } from './session-recovery.js';
import type { Urgency } from './store.js';
import type { UploadEngineOptions } from './types.js';

export interface PipelineContext {
  backend: FilesBackend;
  hashFile: NonNullable<UploadEngineOptions['hashFile']>;
  /** The MD5 of a file's bytes already in memory, read whole (see the runner's sniff). */
  hashBytes(bytes: Uint8Array): Promise<string>;
  dispatch(action: UploadAction, urgency?: Urgency): void;
  isOnline(): boolean;
  /** Resolves once online (at once when already), rejects `aborted` with the signal. */
  waitOnline(signal: AbortSignal): Promise<void>;
  /**
   * Resolves once the job holds one of the engine's transfer slots (see lanes.ts): its create
   * may run ahead of one, its PUT may not (its complete may give the slot up, see `transferred`).
   * Rejects `aborted` with the signal.
   */
  transferSlot(job: Job, signal: AbortSignal): Promise<void>;
  /** The job's bytes are sent: its complete may give the transfer slot up (see lanes.ts). */
  transferred(job: Job): void;
  /** Fire-and-forget server-side cancel; never rejects. */
  cancelOnServer(id: string): void;
  /** Fire-and-forget delete of a file a cancelled direct upload stored anyway; never rejects. */
  discard(id: string): void;
  /**
   * Records where the job is (resume journal) before its next step runs; never rejects.
   * Resolves at once when resume is off.
   */
  checkpoint(job: Job): Promise<void>;
  now(): number;
}

export type Outcome =
  | { type: 'completed'; file: RemoteFile }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'aborted' };

/** Whatever the transport marked retryable: network, timeout, 408, 409, 429 and 5xx. */
const isTransient = (error: unknown): boolean => isFiledockError(error) && error.retryable;

/** Runs `call`, retrying transient failures with backoff; offline time does not use up tries. */
async function withRetries<T>(
  ctx: PipelineContext,
  job: Job,
  signal: AbortSignal,
  call: () => Promise<T>,
): Promise<T> {
  const { attempts, baseDelayMs, maxDelayMs } = job.settings.retry;
  let retries = 0;
  for (;;) {
    await ctx.waitOnline(signal);
    try {
      return await call();
    } catch (error) {
      if (signal.aborted || !isTransient(error)) throw error;
      if (!ctx.isOnline()) continue; // waitOnline holds the loop until the connection is back
      if (retries + 1 >= attempts) throw error;
      const asked = isFiledockError(error) ? error.retryAfterMs : undefined;
      const delay = retryDelay(retries, asked, baseDelayMs, Math.random, maxDelayMs);
      retries += 1;
      ctx.dispatch({ type: 'retrying', localId: job.localId });
      await sleep(delay, signal);
    }
  }
}

function phase(ctx: PipelineContext, job: Job, next: WorkingPhase): void {
  ctx.dispatch({ type: 'phase', localId: job.localId, phase: next });
}

function onProgress(ctx: PipelineContext, job: Job) {
  return ({ loaded }: { loaded: number }): void => {
    ctx.dispatch(
      { type: 'progress', localId: job.localId, loaded, bytesPerSecond: job.speed.sample(loaded) },
      'frame',
    );
  };
}

function resetProgress(ctx: PipelineContext, job: Job): void {
  job.speed.reset();
  ctx.dispatch({ type: 'progress', localId: job.localId, loaded: 0, bytesPerSecond: 0 });
}

/** Starts the job's MD5 unless it has one or it runs: from `bytes` when the file was read whole. */
export function startMd5(ctx: PipelineContext, job: Job, bytes?: Uint8Array): void {
  if (!job.settings.checksum || job.md5 !== undefined || job.md5Run) return;
  const controller = new AbortController();
  const hashed = bytes
    ? ctx.hashBytes(bytes)
    : ctx.hashFile(job.file, { signal: controller.signal });
  const promise = hashed.then((md5) => {
    job.md5 = md5;
    ctx.dispatch({ type: 'md5', localId: job.localId, md5 });
    // A file chosen again after a reload is checked by it. Known before the create (a small
    // file read whole when sniffed), it is journaled with the session instead: a write now
    // would be one more the create waits for.
    if (job.step !== 'create') void ctx.checkpoint(job);
    return md5;
  });
  promise.catch(() => undefined); // observed later by the complete step; never unhandled
  job.md5Run = { promise, controller };
}

function uploadParams(job: Job): UploadParams {
  return {
    filename: job.file.name,
    mimeType: job.mimeType ?? 'application/octet-stream',
    sizeBytes: job.file.size,
    ...(job.settings.purpose ? { purpose: job.settings.purpose } : {}),
  };
}

async function createStep(
  ctx: PipelineContext,
  transfer: SessionTransfer,
  job: Job,
  signal: AbortSignal,
): Promise<void> {
  phase(ctx, job, 'creating');
  const params = uploadParams(job);
  // One key for every try of this create, so a retry whose first answer was lost gets the same
  // session back instead of a second one. The request is not aborted on cancel: if the server
  // made a session we want its id, to cancel it there too instead of leaving it PENDING.
  // Usually given at `add` (journaled with the pick); a renewed session's is made here.
  job.createKey ??= newIdempotencyKey();
  const idempotencyKey = job.createKey;
  await ctx.checkpoint(job); // a reload mid-create sends the same key again (see Job.createKey)
  const session = await withRetries(ctx, job, signal, () =>
    transfer.create(params, { maxRetries: 0, idempotencyKey }),
  );
  job.createKey = undefined;
  if (signal.aborted) {
    ctx.cancelOnServer(session.id);
    throw uploadCancelled();
  }
  job.session = session;
  job.step = 'put';
  ctx.dispatch({ type: 'session', localId: job.localId, serverFile: fileOfSession(session) });
  // Journaled before a byte is sent: a reload mid-PUT finds the session to reuse or close.
  await ctx.checkpoint(job);
}

/** The session a put or complete step works on; set by the create step before either runs. */
function sessionOf(job: Job): NonNullable<Job['session']> {
  if (!job.session) throw new Error(`filedock: no upload session at step ${job.step}`);
  return job.session;
}

async function putStep(
  ctx: PipelineContext,
  transfer: SessionTransfer,
  job: Job,
  signal: AbortSignal,
): Promise<void> {
  const session = sessionOf(job);
  phase(ctx, job, 'uploading');
  startMd5(ctx, job);
  await withRetries(ctx, job, signal, () => {
    resetProgress(ctx, job);
    return transfer.put(session, job.file, { signal, onProgress: onProgress(ctx, job) });
  });
  ctx.dispatch({
    type: 'progress',
    localId: job.localId,
    loaded: job.file.size,
    bytesPerSecond: 0,
  });
  job.step = 'complete';
  // A reload from here on completes without sending the bytes again.
  await ctx.checkpoint(job);
}

async function completeStep(
  ctx: PipelineContext,
  transfer: SessionTransfer,
  job: Job,
  signal: AbortSignal,
): Promise<RemoteFile> {
  const session = sessionOf(job);
  if (job.settings.checksum && job.md5 === undefined) {
    startMd5(ctx, job); // a resumed run may arrive here without one
    phase(ctx, job, 'hashing');
    if (job.md5Run) await untilAborted(job.md5Run.promise, signal);
  }
  phase(ctx, job, 'completing');
  const params = job.settings.checksum && job.md5 ? { md5: job.md5 } : {};
  const idempotencyKey = newIdempotencyKey();
  const file = await withRetries(ctx, job, signal, () =>
    transfer.complete(session.id, params, { signal, maxRetries: 0, idempotencyKey }),
  );
  if (file.status === 'EXPIRED')
    throw expiredError(`The upload session for ${job.file.name} expired before it was completed.`);
  if (file.status !== 'COMPLETED') {
    throw new FiledockError({
      code: 'invalid-response',
      message: `The server answered complete for ${job.file.name} with status ${file.status}.`,
    });
  }
  return file;
}

/**
 * The one request of a direct transfer. Cancelled after its last byte left, the transfer lets it
 * finish and hands back what the service stored: that file is deleted, so a cancel leaves nothing
 * behind.
 */
async function directUpload(
  ctx: PipelineContext,
  transfer: DirectTransfer,
  job: Job,
  signal: AbortSignal,
): Promise<RemoteFile> {
  phase(ctx, job, 'uploading');
  const params = uploadParams(job);
  // The time the request starts: after a reload, the service's files since then are searched
  // for this one before it is sent again.
  await ctx.checkpoint(job);
  const file = await withRetries(ctx, job, signal, () => {
    resetProgress(ctx, job);
    return transfer.upload(job.file, params, {
      signal,
      maxRetries: 0,
      onProgress: onProgress(ctx, job),
    });
  });
  if (signal.aborted) {
    ctx.discard(file.id);
    throw uploadCancelled();
  }
  return file;
}

export async function runJob(
  ctx: PipelineContext,
  job: Job,
  signal: AbortSignal,
): Promise<Outcome> {
  const outcome = await runSteps(ctx, job, signal);
  if (outcome.type !== 'failed' || signal.aborted) return outcome;
  const done = await abandonSession(ctx, job);
  return done ? { type: 'completed', file: done } : outcome;
}

async function runSteps(ctx: PipelineContext, job: Job, signal: AbortSignal): Promise<Outcome> {
  try {
    if (job.verifySession) {
      const done = await verifySession(ctx, job, signal);
      if (done) return { type: 'completed', file: done };
    }
    const { transfer } = ctx.backend;
    if (transfer.kind === 'direct')
      return { type: 'completed', file: await directUpload(ctx, transfer, job, signal) };
    for (;;) {
      try {
        if (job.step === 'create') await createStep(ctx, transfer, job, signal);
        await ctx.transferSlot(job, signal);
        if (job.step === 'put') await putStep(ctx, transfer, job, signal);
        ctx.transferred(job);
        return { type: 'completed', file: await completeStep(ctx, transfer, job, signal) };
      } catch (error) {
        if (signal.aborted) return { type: 'aborted' };
        const previous = job.session;
        const recovery = recover(job, await confirmExpiry(ctx, job, error, signal), ctx.now());
        if (signal.aborted) return { type: 'aborted' };
        if (recovery.type === 'fail') return { type: 'failed', error: recovery.error };
        dropReplaced(ctx, job, previous);
      }
    }
  } catch (error) {
    if (signal.aborted) return { type: 'aborted' };
    return { type: 'failed', error: toErrorInfo(error) };
  }
}
