/**
 * The pipeline's talks with the server about a session it may not run on as it is: whether a kept
 * session can be reused, what a 403 from storage really meant, and closing a session that is given
 * up or replaced, so none is left PENDING. What a failure means for the job is decided in
 * recovery.ts, without the network.
 */
import type { RemoteFile } from '../backend.js';
import { isFiledockError } from '../errors.js';
import type { Job } from './job.js';
import type { PipelineContext } from './pipeline.js';
import { expiredError, isExpiry } from './recovery.js';

type SessionContext = Pick<PipelineContext, 'backend' | 'cancelOnServer' | 'now'>;

/**
 * After a manual retry, ask the server about the kept session: reuse it while PENDING, take
 * the file if it is in fact COMPLETED (the complete answer was lost), else start a new one.
 */
export async function verifySession(
  ctx: SessionContext,
  job: Job,
  signal: AbortSignal,
): Promise<RemoteFile | undefined> {
  job.verifySession = false;
  const session = job.session;
  if (!session || job.step === 'create' || job.step === 'upload') return undefined;
  try {
    const current = await ctx.backend.retrieve(session.id, { signal });
    if (current.status === 'COMPLETED') return current;
    if (
      current.status === 'PENDING' &&
      !(current.expiresAt && ctx.now() >= Date.parse(current.expiresAt))
    )
      return undefined;
  } catch (error) {
    if (signal.aborted) throw error;
    // Cannot ask: trust the session's own deadline.
    if (session.expiresAt && ctx.now() < Date.parse(session.expiresAt)) return undefined;
  }
  job.session = undefined;
  job.step = 'create';
  return undefined;
}

/**
 * Giving up on an upload must not leave its session PENDING on the server (an orphan until it
 * expires, and a hazard for a later retry): cancel it. When the cancel is refused because the
 * file is in fact COMPLETED (the answer to complete was lost), that file is the outcome.
 * A later manual retry starts from a new session.
 */
export async function abandonSession(
  ctx: SessionContext,
  job: Job,
): Promise<RemoteFile | undefined> {
  const session = job.session;
  if (!session) return undefined;
  job.session = undefined;
  job.step = 'create';
  const { backend } = ctx;
  if (!backend.capabilities.cancel || !backend.cancel) return undefined;
  try {
    await backend.cancel(session.id);
    return undefined;
  } catch {
    try {
      const current = await ctx.backend.retrieve(session.id);
      return current.status === 'COMPLETED' ? current : undefined;
    } catch {
      return undefined; // cannot tell; the session expires on its own
    }
  }
}

/** A session replaced by recovery (412 collision, expiry) is cancelled, never left PENDING. */
export function dropReplaced(ctx: SessionContext, job: Job, previous: Job['session']): void {
  if (previous && job.session !== previous) ctx.cancelOnServer(previous.id);
}

/**
 * Storage answers an expired URL with a bare 403 as often as with "expired" in the body, and our
 * clock may run behind the server's, so a 403 before our view of `expiresAt` is not proof of a
 * bad signature: ask the API, and read an EXPIRED session as expiry.
 */
export async function confirmExpiry(
  ctx: SessionContext,
  job: Job,
  error: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  if (
    !isFiledockError(error) ||
    error.code !== 'storage-rejected' ||
    job.step !== 'put' ||
    !job.session
  )
    return error;
  if (isExpiry(error, job, ctx.now())) return error; // our own clock already says so
  try {
    const current = await ctx.backend.retrieve(job.session.id, { signal });
    return current.status === 'EXPIRED'
      ? expiredError(`The upload session for ${job.file.name} expired.`)
      : error;
  } catch {
    return error; // cannot ask: keep what storage said
  }
}
