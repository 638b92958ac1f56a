/**
 * The load side of resume: every journal entry of this scope is claimed (one tab per upload),
 * reconciled with the server, and handed to the engine as one of: completed, running again
 * (from a reused session or a new one), or interrupted until the user gives the bytes back.
 * The engine implements `RestoreHost`; nothing here touches its store or queue directly.
 */
import type { FilesBackend, RemoteFile } from '../../backend.js';
import { askServer } from './ask-server.js';
import type { ResumeClaim, ResumeCoordinator } from './coordination.js';
import type { JournalEntry } from './entry.js';
import { placeholderFile } from '../restored.js';
import { checkSameFile, type FileMismatchError, type HashFile } from './identity.js';
import type { ResumeJournal } from './journal.js';
import { fileFrom, type InterruptionReason, type RestorePlan, reusedSession } from './plan.js';
import { decideResume, type ResumeDecision } from './reconcile.js';
import type { ResumeTracker } from './tracker.js';

// The engine's records and types take the plan's types from here, with the restorer's.
export type { InterruptionReason, RestorePlan } from './plan.js';

export interface RestoreHost {
  readonly backend: FilesBackend;
  now(): number;
  hashFile: HashFile;
  /** Whether uploads added now would send an MD5 (the engine's checksum setting). */
  checksum: boolean;
  /** Show (or update) the entry's record as interrupted, with an error when a pick was refused. */
  interrupted(entry: JournalEntry, reason: InterruptionReason, error?: FileMismatchError): void;
  /** The server has the file: show it completed. */
  completed(entry: JournalEntry, file: RemoteFile): void;
  /** Run it (shown as queued, then its working phases). */
  run(entry: JournalEntry, plan: RestorePlan): void;
  /** Nothing to show (expired entry). */
  dropped(entry: JournalEntry): void;
  /** It failed before the reload: show it failed (Retry starts it over, Remove forgets it). */
  failed(entry: JournalEntry, error: { code: string; message: string }): void;
}

export interface Restorer {
  /** Reads the journal and restores every entry; resolves when each has been decided. */
  start(): Promise<void>;
  /** The user chose the file again: check it is the same one, then continue. */
  supply(key: string, file: File): Promise<void>;
  /** The user clicked Resume: re-grant a kept handle, or ask the server again. Call in the click. */
  resume(key: string): Promise<void>;
  /** The user gave up an interrupted upload: cancel its session, forget it. */
  discard(key: string): Promise<void>;
  /** Retry of an upload that failed before the reload: starts it over (bytes, or choose again). */
  retry(key: string): Promise<void>;
  /** Stop waiting for other tabs. */
  stop(): void;
}

interface Waiting {
  entry: JournalEntry;
  claim: ResumeClaim;
  reason: InterruptionReason;
}

export function createRestorer(deps: {
  host: RestoreHost;
  journal: ResumeJournal;
  coordinator: ResumeCoordinator;
  tracker: ResumeTracker;
}): Restorer {
  const { host, journal, coordinator, tracker } = deps;
  const waiting = new Map<string, Waiting>();
  /** Uploads that failed before the reload, shown failed until retried or removed. */
  const failedEntries = new Map<string, { entry: JournalEntry; claim: ResumeClaim }>();
  const stopper = new AbortController();

  const cancelOnServer = (id: string): Promise<void> => {
    const cancel = host.backend.cancel;
    if (!host.backend.capabilities.cancel || !cancel) return Promise.resolve();
    return cancel.call(host.backend, id).then(
      () => undefined,
      () => undefined, // already settled, or unreachable: it expires on its own
    );
  };

  const close = async (entry: JournalEntry, claim: ResumeClaim): Promise<void> => {
    waiting.delete(entry.key);
    await journal.remove(entry.key);
    await claim.release();
  };

  /** Decides with the server and acts; `bytes` is a file the user gave back (already checked). */
  async function proceed(entry: JournalEntry, claim: ResumeClaim, given?: File): Promise<void> {
    const remote = await askServer(host.backend, entry, stopper.signal);
    const decision: ResumeDecision = decideResume(entry, remote, host.now());
    const remoteFile = remote.kind === 'found' ? remote.file : undefined;
    switch (decision.type) {
      case 'completed':
        host.completed(entry, decision.file);
        await close(entry, claim);
        return;
      case 'expired':
        if (decision.cancel) await cancelOnServer(decision.cancel);
        host.dropped(entry);
        await close(entry, claim);
        return;
      case 'wait':
        park(entry, claim, 'unreachable');
        return;
    }
    const needsBytes =
      decision.type === 'restart' ||
      decision.step === 'put' ||
      (host.checksum && entry.md5 === undefined);
    let file = given;
    if (!file && entry.bytes === 'stored') {
      const blob = await journal.getBytes(entry.key);
      if (blob && blob.size === entry.file.size) file = fileFrom(blob, entry);
    }
    if (needsBytes && !file) {
      // A session that cannot be continued now is closed now, not left PENDING while the user
      // is away; the new one is made when the file is back.
      if (decision.type === 'restart' && decision.cancel) {
        await cancelOnServer(decision.cancel);
        entry = { ...entry, step: 'added' };
        delete entry.session;
        await journal.write(entry);
      }
      park(entry, claim, entry.bytes === 'handle' ? 'permission' : 'choose-again');
      return;
    }
    waiting.delete(entry.key);
    if (decision.type === 'restart' && decision.cancel) await cancelOnServer(decision.cancel);
    const restart = decision.type === 'restart';
    const plan: RestorePlan = {
      file: file ?? placeholderFile(entry),
      step: restart
        ? host.backend.transfer.kind === 'direct'
          ? 'upload'
          : 'create'
        : decision.step,
      checksum: host.checksum && (entry.md5 !== undefined || file !== undefined),
      ...(!restart && entry.md5 ? { md5: entry.md5 } : {}),
      // Only a create that may have been cut by the reload: a replaced session needs a new key.
      ...(restart && entry.step === 'added' && entry.createKey
        ? { createKey: entry.createKey }
        : {}),
    };
    const session = restart ? undefined : reusedSession(entry, remoteFile);
    if (session) plan.session = session;
    const adopted: JournalEntry = restart ? { ...entry, step: 'added' } : entry;
    if (restart) delete adopted.session;
    tracker.adopt(adopted, claim);
    host.run(entry, plan);
  }

  function park(entry: JournalEntry, claim: ResumeClaim, reason: InterruptionReason): void {
    waiting.set(entry.key, { entry, claim, reason });
    host.interrupted(entry, reason);
  }

  /** Another tab owns it: show that, and take over if that tab goes away first. */
  function watchElsewhere(entry: JournalEntry): void {
    host.interrupted(entry, 'elsewhere');
    coordinator.waitClaim(entry.key, stopper.signal).then((claim) => {
      if (!claim) return;
      // The other tab may have finished it (and removed the entry): ask the journal again.
      journal
        .list()
        .then(async (entries) => {
          const current = entries.find((e) => e.key === entry.key);
          if (current) return proceed(current, claim);
          // Settled over there: show it completed if it was, else let it go.
          const remote = await askServer(host.backend, entry, stopper.signal);
          if (remote.kind === 'found' && remote.file.status === 'COMPLETED')
            host.completed(entry, remote.file);
          else host.dropped(entry);
          return claim.release();
        })
        .catch(() => claim.release());
    });
  }

  async function restoreOne(entry: JournalEntry): Promise<void> {
    const claim = await coordinator.tryClaim(entry.key);
    if (!claim) {
      watchElsewhere(entry);
      return;
    }
    if (entry.failed) {
      if (host.now() >= entry.expiresAt) {
        host.dropped(entry);
        await close(entry, claim);
        return;
      }
      failedEntries.set(entry.key, { entry, claim });
      host.failed(entry, entry.failed);
      return;
    }
    await proceed(entry, claim);
  }

  return {
    async start() {
      if (!journal.available) return;
      const entries = await journal.list();
      await Promise.all(entries.map((entry) => restoreOne(entry).catch(() => undefined)));
    },
    async supply(key, file) {
      const item = waiting.get(key);
      if (!item) return;
      let error: FileMismatchError | undefined;
      try {
        error = await checkSameFile(item.entry, file, host.hashFile);
      } catch {
        error = {
          code: 'file-mismatch',
          message: `${file.name} could not be read to check it is ${item.entry.file.name}. Nothing was uploaded.`,
        };
      }
      if (error) {
        host.interrupted(item.entry, item.reason, error);
        return;
      }
      await proceed(item.entry, item.claim, file);
    },
    async resume(key) {
      const item = waiting.get(key);
      if (!item) return;
      if (item.reason !== 'permission') {
        await proceed(item.entry, item.claim);
        return;
      }
      const handle = await journal.getHandle(key);
      try {
        const permission = handle
          ? await (
              handle as FileSystemFileHandle & {
                requestPermission?: (d: { mode: 'read' }) => Promise<PermissionState>;
              }
            ).requestPermission?.({ mode: 'read' })
          : 'denied';
        if (!handle || permission === 'denied') throw new Error('no access');
        await this.supply(key, await handle.getFile());
      } catch {
        item.reason = 'choose-again';
        host.interrupted(item.entry, 'choose-again');
      }
    },
    async retry(key) {
      const item = failedEntries.get(key);
      if (!item) return;
      failedEntries.delete(key);
      const entry: JournalEntry = { ...item.entry, step: 'added' };
      delete entry.failed;
      await journal.write(entry);
      await proceed(entry, item.claim);
    },
    async discard(key) {
      const failedItem = failedEntries.get(key);
      if (failedItem) {
        failedEntries.delete(key);
        await journal.remove(key);
        await failedItem.claim.release();
        return;
      }
      const item = waiting.get(key);
      if (!item) return;
      if (item.entry.session) await cancelOnServer(item.entry.session.id);
      await close(item.entry, item.claim);
    },
    stop() {
      stopper.abort();
    },
  };
}
