/**
 * The engine's slots. `concurrency` lanes each carry one transfer (a PUT, or a direct upload)
 * and may have the next file's create under way ahead of it and the last file's complete behind
 * it, so a lane waits a round trip neither for a session nor for a completion between two files.
 * A created job waits for a transfer slot; created jobs never outnumber the lanes, so a session
 * is made at most one transfer ahead of its PUT. Completes are bounded by the lanes too: past
 * that, a job whose PUT is done keeps its transfer slot until its complete is answered, so files
 * waiting on an MD5 never pile up behind fast PUTs.
 */
import { uploadCancelled } from './retry.js';

export interface LaneJob {
  /** Where it runs: `create` starts ahead of a transfer slot, every other step needs one. */
  readonly step: 'create' | 'put' | 'complete' | 'upload';
}

export interface Lanes<J extends LaneJob> {
  /** Whether `job` may start now. */
  canStart(job: J): boolean;
  /** Whether no job at all may start now. */
  full(): boolean;
  /** After `concurrency` grew: created jobs waiting for a transfer slot take the new ones. */
  widened(): void;
  /** `job` started: it holds a transfer slot unless it starts with its create. */
  started(job: J): void;
  /** Resolves once `job` holds a transfer slot (at once when it does); rejects on abort. */
  transfer(job: J, signal: AbortSignal): Promise<void>;
  /**
   * `job`'s bytes are sent: while fewer than `concurrency` completes run, its complete goes on
   * outside the transfer slot, which passes to the next job waiting.
   */
  transferred(job: J): void;
  /** `job` stopped (settled, failed or cancelled): its slot goes to the next job waiting. */
  released(job: J): void;
}

/** `freed` runs when a job left the create side for a transfer slot, so another may start. */
export function createLanes<J extends LaneJob>(limit: () => number, freed: () => void): Lanes<J> {
  const ahead = new Set<J>();
  const transferring = new Set<J>();
  const completing = new Set<J>();
  /** Jobs whose bytes are sent, still in their transfer slot until a complete may run outside. */
  const sent: J[] = [];
  const waiting: { job: J; go: () => void }[] = [];

  const handOver = (): void => {
    while (sent.length > 0 && completing.size < limit()) {
      const done = sent.shift() as J;
      transferring.delete(done);
      completing.add(done);
    }
    let moved = false;
    while (waiting.length > 0 && transferring.size < limit()) {
      const next = waiting.shift() as { job: J; go: () => void };
      ahead.delete(next.job);
      transferring.add(next.job);
      next.go();
      moved = true;
    }
    if (moved) freed();
  };

  const dropSent = (job: J): void => {
    const at = sent.indexOf(job);
    if (at !== -1) sent.splice(at, 1);
  };

  return {
    canStart: (job) => (job.step === 'create' ? ahead : transferring).size < limit(),
    full: () => ahead.size >= limit() && transferring.size >= limit(),
    widened: handOver,
    started(job) {
      (job.step === 'create' ? ahead : transferring).add(job);
    },
    transfer(job, signal) {
      // Asked again after `transferred`: a complete that needs a new session sends the bytes again.
      dropSent(job);
      if (transferring.has(job)) return Promise.resolve();
      completing.delete(job);
      if (signal.aborted) return Promise.reject(uploadCancelled());
      return new Promise((resolve, reject) => {
        const entry = {
          job,
          go: () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const at = waiting.indexOf(entry);
          if (at !== -1) waiting.splice(at, 1);
          reject(uploadCancelled());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
        handOver();
      });
    },
    transferred(job) {
      if (!transferring.has(job)) return;
      sent.push(job);
      handOver();
    },
    released(job) {
      ahead.delete(job);
      transferring.delete(job);
      completing.delete(job);
      dropSent(job);
      const at = waiting.findIndex((entry) => entry.job === job);
      if (at !== -1) waiting.splice(at, 1);
      handOver();
    },
  };
}
