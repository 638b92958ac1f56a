/**
 * The write side of resume: the engine tells the tracker where each upload is, and the tracker
 * keeps the journal in step. Each write hands the journal the entry as it is now, and the journal
 * applies writes in the order they are called, so a late write never overtakes a newer one;
 * nothing is written for an upload once it is forgotten (settled or removed). Every method
 * resolves; a journal that fails has already degraded itself.
 */
import type { UploadSession } from '../../backend.js';
import type { ResumeClaim, ResumeCoordinator } from './coordination.js';
import { describeFile, type BytesSource, type JournalEntry, type JournalStep } from './entry.js';
import type { ResumeJournal } from './journal.js';

/** What the tracker reads off the engine's job; the job's own step names. */
export interface TrackedJob {
  readonly localId: string;
  readonly file: File;
  readonly settings: { readonly purpose: string | undefined };
  readonly step: 'create' | 'put' | 'complete' | 'upload';
  readonly session: UploadSession | undefined;
  readonly md5: string | undefined;
  readonly createKey?: string | undefined;
}

export interface ResumeTracker {
  /** A new upload: journal it, keep its bytes (small files) or handle, and own it (lock). */
  added(job: TrackedJob): void;
  /** Adopt an upload restored from the journal (its entry and claim exist already). */
  adopt(entry: JournalEntry, claim: ResumeClaim): void;
  /**
   * Write where the job is now, before its next step runs. The write is handed to the journal at
   * once; the promise (the step waits for it) resolves where a reload mid-request would otherwise
   * lose track of what the server made or of the bytes:
   * - a create, once its idempotency key is written (sent again after a reload, it gets the same
   *   session back). A key given at `added` was written with the upload's first entry, so the
   *   create writes nothing and usually finds that write done. It does not wait for the bytes: a
   *   reload while it is in flight and before they are kept asks for the file again, and the key
   *   still finds the session;
   * - a PUT, once the bytes are kept (small files) and the entry says so: a reload mid-PUT then
   *   continues by itself. Its own write (the session) is not waited for: a reload before it
   *   commits finds the create's key, which gives the same session back;
   * - a direct upload, once written with the bytes kept (when it started, to look for its file).
   * A complete goes on while its checkpoint commits: a reload before it has finds the PUT, and
   * the server's answer resolves it (a PENDING session is sent the bytes again, a COMPLETED one
   * is shown completed).
   */
  checkpoint(job: TrackedJob): Promise<void>;
  /** The upload settled or was removed: forget it, let go of it. */
  forget(localId: string): Promise<void>;
  /**
   * The upload failed for good (the pipeline closed its session): kept as failed, so a reload
   * still shows it, until it is retried or removed.
   */
  failed(localId: string, error: { code: string; message: string }): Promise<void>;
}

const STEP: Record<TrackedJob['step'], JournalStep> = {
  create: 'added',
  put: 'put',
  complete: 'complete',
  upload: 'direct',
};

/** A handle File System Access gave with the file (react-dropzone's file-selector sets `handle`). */
function handleOf(file: File): FileSystemFileHandle | undefined {
  const handle = (file as { handle?: unknown }).handle;
  return handle && typeof (handle as FileSystemFileHandle).getFile === 'function'
    ? (handle as FileSystemFileHandle)
    : undefined;
}

interface Tracked {
  entry: JournalEntry;
  /** Settles once `entry` as it is now is written (writes apply in call order). */
  written: Promise<void>;
  claim: ResumeClaim | undefined;
  /** The bytes copy and its entry write: a PUT waits for it, a removal comes after it. */
  copying: Promise<void>;
  /** No more writes: forgotten, or replaced by a retry's. */
  forgotten: boolean;
}

/** Never on a write's failure: the journal has degraded itself. */
const settled = (promise: Promise<unknown>): Promise<void> =>
  promise.then(
    () => undefined,
    () => undefined,
  );

export function createResumeTracker(deps: {
  journal: ResumeJournal;
  coordinator: ResumeCoordinator;
  storeBytesUpTo: number;
  ttlMs: number;
  now: () => number;
}): ResumeTracker {
  const { journal, coordinator } = deps;
  const tracked = new Map<string, Tracked>();

  /** Writes the entry as it is now; resolves once written. */
  const write = (item: Tracked): Promise<void> => {
    if (item.forgotten) return Promise.resolve();
    item.written = settled(journal.write(item.entry));
    return item.written;
  };

  /**
   * Whether the job is where its entry already says, so a checkpoint has nothing to write. Its
   * MD5 is not asked for: one known before the create is written with the session, after it.
   */
  const unchanged = (entry: JournalEntry, job: TrackedJob): boolean =>
    entry.step === STEP[job.step] &&
    entry.createKey === job.createKey &&
    entry.session?.id === job.session?.id;

  const keepBytes = async (item: Tracked, file: File): Promise<BytesSource> => {
    if (file.size <= deps.storeBytesUpTo && (await journal.putBytes(item.entry.key, file)))
      return 'stored';
    const handle = handleOf(file);
    if (handle && (await journal.putHandle(item.entry.key, handle))) return 'handle';
    return 'none';
  };

  return {
    added(job) {
      if (!journal.available) return;
      const time = deps.now();
      const entry: JournalEntry = {
        v: 1,
        key: job.localId,
        scope: journal.scope,
        file: describeFile(job.file),
        step: STEP[job.step],
        bytes: 'none',
        createdAt: time,
        updatedAt: time,
        expiresAt: time + deps.ttlMs,
        ...(job.settings.purpose !== undefined ? { purpose: job.settings.purpose } : {}),
        ...(job.createKey !== undefined ? { createKey: job.createKey } : {}),
      };
      const previous = tracked.get(job.localId); // a retry: this tab owns it already
      if (previous) previous.forgotten = true; // its pending copy writes nothing now
      const item: Tracked = {
        entry,
        written: Promise.resolve(),
        claim: previous?.claim,
        copying: Promise.resolve(),
        forgotten: false,
      };
      tracked.set(job.localId, item);
      // A new upload's key is new: the claim is granted at once. Held so a tab that loads while
      // this one uploads shows the upload as in progress elsewhere instead of resuming it.
      if (!previous?.claim)
        coordinator.tryClaim(job.localId).then((claim) => {
          if (item.forgotten) claim?.release();
          else item.claim = claim;
        });
      void write(item);
      item.copying = settled(
        (previous?.copying ?? Promise.resolve()).then(async () => {
          if (item.forgotten) return;
          const bytes = await keepBytes(item, job.file);
          if (bytes === 'none') return;
          // The entry as it is after the copy: a checkpoint may have moved it on meanwhile.
          item.entry = { ...item.entry, bytes };
          await write(item);
        }),
      );
    },
    adopt(entry, claim) {
      const done = Promise.resolve();
      tracked.set(entry.key, { entry, written: done, claim, copying: done, forgotten: false });
    },
    checkpoint(job) {
      const item = tracked.get(job.localId);
      if (!item || !journal.available) return Promise.resolve();
      // A create whose key came with its first entry (the pick's write) has nothing to write.
      if (job.step === 'create' && unchanged(item.entry, job)) return item.written;
      const { session } = job;
      const moved = item.entry.step !== STEP[job.step];
      item.entry = {
        ...item.entry,
        step: STEP[job.step],
        updatedAt: deps.now(),
        ...(job.md5 !== undefined ? { md5: job.md5 } : {}),
      };
      if (session)
        item.entry.session = {
          id: session.id,
          uploadUrl: session.uploadUrl,
          uploadHeaders: session.uploadHeaders,
          expiresAt: session.expiresAt ?? null,
        };
      else delete item.entry.session;
      if (job.createKey !== undefined) item.entry.createKey = job.createKey;
      else delete item.entry.createKey;
      // Other tabs show the step; a write within it (the MD5 once known) tells them nothing new.
      if (moved)
        coordinator.announce({
          type: 'progress',
          key: job.localId,
          phase: item.entry.step,
          percent: 0,
        });
      const written = write(item);
      if (job.step === 'create') return written;
      if (job.step === 'put') return item.copying;
      return job.step === 'upload'
        ? Promise.all([written, item.copying]).then(() => undefined)
        : Promise.resolve();
    },
    failed(localId, error) {
      const item = tracked.get(localId);
      if (!item || !journal.available) return Promise.resolve();
      item.entry = { ...item.entry, step: 'added', failed: error, updatedAt: deps.now() };
      delete item.entry.session;
      delete item.entry.createKey;
      return write(item);
    },
    forget(localId) {
      const item = tracked.get(localId);
      if (!item) return Promise.resolve();
      tracked.delete(localId);
      item.forgotten = true;
      coordinator.announce({ type: 'settled', key: localId, phase: item.entry.step });
      // After the copy: bytes landing after the removal would stay behind. Earlier writes are
      // applied before the removal (call order), and none is made after it.
      return item.copying.then(() =>
        settled(journal.remove(localId)).then(() => {
          item.claim?.release();
        }),
      );
    },
  };
}
