export type {
  BytesSource,
  JournalEntry,
  JournalFile,
  JournalSession,
  JournalStep,
} from './entry.js';
export { describeFile, parseEntry, withoutStaleCredentials } from './entry.js';
export { checkSameFile, type FileMismatchError, type HashFile } from './identity.js';
export {
  clearAllResumeJournals,
  DEFAULT_ENTRY_TTL_MS,
  openResumeJournal,
  type ResumeJournal,
  type ResumeJournalOptions,
} from './journal.js';
export {
  decideResume,
  findDirectUpload,
  type ReconcileOptions,
  type RemoteState,
  type ResumeDecision,
} from './reconcile.js';
export {
  createResumeCoordinator,
  type RemoteProgress,
  type ResumeClaim,
  type ResumeCoordinator,
} from './coordination.js';
export { DEFAULT_STORE_BYTES_UP_TO, type ResumeOptions } from './options.js';
export type { InterruptionReason } from './restore.js';
