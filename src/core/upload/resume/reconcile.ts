/**
 * What a reloaded page does with one journal entry, decided from the server's answer: a pure
 * function, so every branch is tested without a browser or a server.
 *
 * The server is asked first (`retrieve`), always: the journal says what this page last *started*,
 * the server says what happened. Two promises follow from the table below: a session is never
 * completed twice (a COMPLETED file is shown, never completed again), and never left PENDING (a
 * session that is not continued is cancelled).
 */
import type { RemoteFile } from '../../backend.js';
import type { JournalEntry } from './entry.js';

/** The server's answer about the entry's session (or, for a direct upload, a matching file). */
export type RemoteState =
  | { kind: 'found'; file: RemoteFile }
  /** 404: the server does not know the session (or no matching direct upload was found). */
  | { kind: 'gone' }
  /** The server could not be asked (offline, 5xx after retries): decide nothing yet. */
  | { kind: 'unknown' };

export type ResumeDecision =
  /** The server has the file: show it completed, drop the entry; nothing is sent. */
  | { type: 'completed'; file: RemoteFile }
  /** Reuse the session from `step`; `put` needs the bytes, `complete` does not. */
  | { type: 'continue'; step: 'put' | 'complete' }
  /** A new upload from the start (needs the bytes); `cancel` names a PENDING session to close first. */
  | { type: 'restart'; cancel?: string }
  /** Ask again later (the server could not be reached); the entry stays as it is. */
  | { type: 'wait' }
  /** The entry is past its own expiry: cancel `cancel` if set, drop the entry. */
  | { type: 'expired'; cancel?: string };

export interface ReconcileOptions {
  /**
   * A PENDING session with less time left than this is not reused for a PUT: the bytes might not
   * make it before the URL stops working. Cancelled and replaced instead. @default 120000
   */
  minPutTimeLeftMs?: number;
  /** Same for a session that only needs complete. @default 10000 */
  minCompleteTimeLeftMs?: number;
}

const timeLeft = (expiresAt: string | null | undefined, now: number): number =>
  expiresAt == null ? Number.POSITIVE_INFINITY : Date.parse(expiresAt) - now;

export function decideResume(
  entry: JournalEntry,
  remote: RemoteState,
  now: number,
  options: ReconcileOptions = {},
): ResumeDecision {
  const pending = remote.kind === 'found' && remote.file.status === 'PENDING';
  const sessionId = entry.session?.id;
  if (remote.kind === 'found' && remote.file.status === 'COMPLETED')
    return { type: 'completed', file: remote.file };
  if (now >= entry.expiresAt)
    return pending && sessionId ? { type: 'expired', cancel: sessionId } : { type: 'expired' };
  if (remote.kind === 'unknown') return { type: 'wait' };
  // No session was made (or a direct upload that did not arrive): start over, nothing to close.
  if (!entry.session || entry.step === 'added' || entry.step === 'direct')
    return { type: 'restart' };
  if (!pending) return { type: 'restart' }; // CANCELLED, EXPIRED, FAILED, or gone
  const left = timeLeft(remote.file.expiresAt ?? entry.session.expiresAt, now);
  if (entry.step === 'complete') {
    if (left >= (options.minCompleteTimeLeftMs ?? 10_000))
      return { type: 'continue', step: 'complete' };
  } else if (left >= (options.minPutTimeLeftMs ?? 120_000) && entry.session.uploadUrl) {
    return { type: 'continue', step: 'put' };
  }
  return { type: 'restart', cancel: entry.session.id };
}

/**
 * A one-request upload cut by a reload leaves no id behind: the service may or may not have
 * stored the file. Before sending it again, look for it among the newest files: same name and
 * size, created no earlier than the request was started (less a minute of clock skew).
 */
export function findDirectUpload(
  entry: JournalEntry,
  files: readonly RemoteFile[],
): RemoteFile | undefined {
  const since = entry.updatedAt - 60_000;
  return files.find(
    (file) =>
      file.status === 'COMPLETED' &&
      file.filename === entry.file.name &&
      (file.sizeBytes === undefined || file.sizeBytes === entry.file.size) &&
      (file.createdAt === undefined || Date.parse(file.createdAt) >= since),
  );
}
