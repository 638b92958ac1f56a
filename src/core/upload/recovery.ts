/**
 * What to do when a step fails for good (after its automatic retries): renew an expired
 * session (twice at most), take a new session after a 412 name collision (once), re-PUT after
 * an MD5 mismatch (once), or give up with a typed error.
 */
import { FiledockError, isFiledockError, toErrorInfo, type ErrorInfo } from '../errors.js';
import type { Job } from './job.js';
import { stopMd5 } from './job.js';

export const MAX_EXPIRY_RENEWALS = 2;
export const MAX_CONFLICT_RENEWALS = 1;
export const MAX_CHECKSUM_REPUTS = 1;

/** Thrown by the pipeline when the server reports the session EXPIRED in a 2xx answer. */
export function expiredError(message = 'The upload session expired.'): FiledockError {
  return new FiledockError({ code: 'upload-expired', message });
}

function pastExpiry(job: Job, now: number): boolean {
  const expiresAt = job.session?.expiresAt;
  return expiresAt != null && now >= Date.parse(expiresAt);
}

export function isExpiry(error: unknown, job: Job, now: number): boolean {
  if (!isFiledockError(error)) return false;
  if (error.code === 'upload-expired' || error.serverCode === 'expired' || error.status === 410)
    return true;
  // Storage answers 403 for a stale signature; the API may answer 409 on complete. Either, once
  // the session's own deadline has passed, means "expired".
  return (
    (error.code === 'storage-rejected' || error.status === 403 || error.code === 'conflict') &&
    pastExpiry(job, now)
  );
}

export function isChecksumMismatch(error: unknown): boolean {
  if (!isFiledockError(error)) return false;
  return error.code === 'checksum-mismatch' || error.serverCode === 'checksum_mismatch';
}

function isNameCollision(error: unknown): boolean {
  return isFiledockError(error) && (error.status === 412 || error.type === 'precondition_failed');
}

function renewSession(job: Job): void {
  job.session = undefined;
  job.step = 'create';
}

export type Recovery = { type: 'continue' } | { type: 'fail'; error: ErrorInfo };

/** Mutates `job` to resume from the right step, or says why the upload failed. */
export function recover(job: Job, error: unknown, now: number): Recovery {
  const name = job.file.name;
  if ((job.step === 'put' || job.step === 'complete') && isExpiry(error, job, now)) {
    if (job.expiryRenewals < MAX_EXPIRY_RENEWALS) {
      job.expiryRenewals += 1;
      renewSession(job);
      return { type: 'continue' };
    }
    return {
      type: 'fail',
      error: {
        code: 'upload-expired',
        message: `The upload session for ${name} expired ${MAX_EXPIRY_RENEWALS + 1} times.`,
      },
    };
  }
  if (
    job.step === 'put' &&
    isNameCollision(error) &&
    job.conflictRenewals < MAX_CONFLICT_RENEWALS
  ) {
    job.conflictRenewals += 1;
    renewSession(job);
    return { type: 'continue' };
  }
  if (job.step === 'complete' && isChecksumMismatch(error)) {
    if (job.checksumReputs < MAX_CHECKSUM_REPUTS) {
      // The bytes may have been damaged on the way or the file changed on disk: send them
      // again and hash them again; the session stays PENDING after a mismatch.
      job.checksumReputs += 1;
      job.md5 = undefined;
      stopMd5(job);
      job.step = 'put';
      return { type: 'continue' };
    }
    return {
      type: 'fail',
      error: {
        code: 'checksum-mismatch',
        message: `The server received different bytes than ${name} holds (MD5 mismatch), twice.`,
      },
    };
  }
  return { type: 'fail', error: toErrorInfo(error) };
}
