/**
 * Records and jobs for uploads restored from the resume journal after a reload. A restored
 * record's `file` is a stand-in (name, type, date, no bytes) until the bytes are back, so its
 * progress total is the journaled size, not `file.size`.
 */
import type { RemoteFile } from '../backend.js';
import type { ErrorInfo } from '../errors.js';
import { fileOfSession, type Job, type JobSettings } from './job.js';
import { createUpload, makeProgress } from './reducer.js';
import type { JournalEntry } from './resume/entry.js';
import type { RestorePlan } from './resume/restore.js';
import type { Upload } from './types.js';

/** A stand-in while the bytes are away: the name, type and date, no content. */
export const placeholderFile = (entry: JournalEntry): File =>
  new File([], entry.file.name, { type: entry.file.type, lastModified: entry.file.lastModified });

export function restoredRecord(
  entry: JournalEntry,
  phase: 'interrupted' | 'queued' | 'completed' | 'failed',
  file: File = placeholderFile(entry),
  serverFile?: RemoteFile,
): Upload {
  const size = entry.file.size;
  const loaded = phase === 'completed' || entry.step === 'complete' ? size : 0;
  return {
    ...createUpload(entry.key, file, entry.purpose, entry.createdAt),
    phase,
    progress: makeProgress(loaded, size),
    serverFile,
    md5: entry.md5,
    error: phase === 'failed' ? (entry.failed as ErrorInfo | undefined) : undefined,
  };
}

/** Where the restored job starts, with the session and MD5 it reuses. */
export function applyPlan(job: Job, plan: RestorePlan): void {
  job.step = plan.step;
  job.session = plan.session;
  job.md5 = plan.md5;
  job.createKey = plan.createKey;
  // A continued session was created with a type already: nothing to sniff before its PUT.
  if (plan.session) job.mimeType = plan.file.type || 'application/octet-stream';
}

export const sessionFileOf = (plan: RestorePlan): RemoteFile | undefined =>
  plan.session ? fileOfSession(plan.session) : undefined;

export function restoredSettings(base: JobSettings, plan: RestorePlan): JobSettings {
  return { ...base, checksum: base.checksum && plan.checksum };
}
