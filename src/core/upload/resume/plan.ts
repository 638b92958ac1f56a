/**
 * What a restored upload runs with, and why one waits instead: the plan handed to the engine, and
 * the pure pieces it is made of (the bytes read back, the session to reuse). restore.ts does the
 * claiming, the asking and the waiting.
 */
import type { RemoteFile, UploadSession } from '../../backend.js';
import type { JournalEntry } from './entry.js';

/** Why an upload waits for the user (or another tab). */
export type InterruptionReason =
  /** The bytes are gone with the page: the file must be chosen again. */
  | 'choose-again'
  /** A file handle was kept: one click (a user gesture) grants read access again. */
  | 'permission'
  /** Another tab is resuming it. */
  | 'elsewhere'
  /** The server could not be asked; a click tries again. */
  | 'unreachable';

/** How a restored upload runs: its bytes, the step to start from, the session to reuse. */
export interface RestorePlan {
  file: File;
  step: 'create' | 'put' | 'complete' | 'upload';
  session?: UploadSession;
  md5?: string;
  /** A create cut by the reload: sent again with the same key, so it gets the same session back. */
  createKey?: string;
  /** False when the MD5 is unknown and the bytes are not at hand to compute it. */
  checksum: boolean;
}

/** The journal's stored bytes as the file the user picked (a Blob read back may lose its name). */
export const fileFrom = (blob: Blob, entry: JournalEntry): File =>
  blob instanceof File && blob.name === entry.file.name
    ? blob
    : new File([blob], entry.file.name, {
        type: entry.file.type,
        lastModified: entry.file.lastModified,
      });

/** The entry's session as the plan reuses it, refreshed with what the server answered. */
export function reusedSession(
  entry: JournalEntry,
  remote: RemoteFile | undefined,
): UploadSession | undefined {
  const session = entry.session;
  if (!session) return undefined;
  return {
    ...(remote ?? { id: session.id, filename: entry.file.name, status: 'PENDING' as const }),
    id: session.id,
    expiresAt: remote?.expiresAt ?? session.expiresAt,
    uploadUrl: session.uploadUrl ?? '',
    uploadHeaders: session.uploadHeaders ?? {},
  };
}
