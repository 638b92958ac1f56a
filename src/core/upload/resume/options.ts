import type { ResumeCoordinator } from './coordination.js';
import type { ResumeJournal } from './journal.js';

/** `useFileUpload({ resume })` / `createUploadEngine({ resume })`. */
export interface ResumeOptions {
  /**
   * Files up to this size are copied into IndexedDB when added, so they continue by themselves
   * after a reload; larger ones ask to be chosen again (or for a click where a file handle was kept).
   * @default 10485760 (10 MiB)
   */
  storeBytesUpTo?: number;
  /**
   * Added to the journal's scope (provider + purpose), e.g. the signed-in user's id, so one user
   * never sees another's interrupted uploads on a shared browser.
   * @default ''
   */
  scope?: string;
  /** Entries older than this are dropped on load (their sessions cancelled). @default 86400000 (24 h) */
  ttlMs?: number;
  /** For tests and custom storage. @default an IndexedDB journal */
  journal?: ResumeJournal;
  /** For tests. @default Web Locks + BroadcastChannel */
  coordinator?: ResumeCoordinator;
}

export const DEFAULT_STORE_BYTES_UP_TO = 10 * 1024 * 1024;

/** The journal scope of one engine: provider, app scope. Purpose is recorded per entry. */
export function resumeScope(backendScope: string, options: ResumeOptions): string {
  return `${backendScope}|${options.scope ?? ''}`;
}
