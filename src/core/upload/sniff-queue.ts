/**
 * A job needs its type from its first bytes before it starts, and no sooner. Sniffs run a few at
 * a time and only a little ahead of the lanes: each costs a Blob.slice and a read, and a thousand
 * of them while the list first paints would compete with it. FIFO, so files still start in order.
 */
import { claimedMimeType } from '../rules/mime.js';
import type { Job } from './job.js';

/** Files whose first bytes are read at once. */
const SNIFF_CONCURRENCY = 8;
/**
 * A pick larger than this starts its first sniffs (and so its uploads) once the main thread is
 * idle: the requests, parsing and state changes of the first uploads otherwise compete with the
 * app painting the list of what was picked.
 */
const LARGE_PICK = 100;
/** Longest a large pick waits for an idle main thread. */
const IDLE_TIMEOUT_MS = 500;

function whenIdle(run: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: typeof requestIdleCallback })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

export interface SniffQueueOptions {
  /** Reads the job's first bytes and resolves its type. */
  sniff(job: Job): Promise<string>;
  /** How many jobs may be sniffed (or sniffing) and not started yet. */
  ahead(): number;
  /** Whether the job still waits to start (not cancelled, removed or rejected meanwhile). */
  waiting(job: Job): boolean;
  /** Its type is known: true when it may start, false when it was refused. */
  sniffed(job: Job, mimeType: string): boolean;
  /** A job may start now. */
  ready(): void;
}

export interface SniffQueue {
  /** The files of one pick, in order: their sniffs start now, or when idle for a large pick. */
  pick(jobs: readonly Job[]): void;
  /** Starts the sniffs the limits allow. */
  next(): void;
  /** The job started or went away: it no longer counts as sniffed ahead. */
  leave(job: Job): void;
}

export function createSniffQueue(options: SniffQueueOptions): SniffQueue {
  const queue: Job[] = [];
  /** Sniffed, not started yet. */
  const ready = new Set<Job>();
  let taken = 0;
  let sniffing = 0;
  /** Large picks waiting for an idle main thread: until then no sniff starts, whoever asks. */
  let holding = 0;

  const sniff = (job: Job): void => {
    options
      .sniff(job)
      .then(
        (mimeType) => mimeType,
        () => claimedMimeType(job.file) ?? 'application/octet-stream', // unreadable now: the PUT will say so
      )
      .then((mimeType) => {
        if (!options.waiting(job) || !options.sniffed(job, mimeType)) return;
        ready.add(job);
        options.ready();
      })
      .finally(() => {
        sniffing -= 1;
        next();
      });
  };

  function next(): void {
    if (holding > 0) return;
    const ahead = options.ahead();
    while (sniffing < SNIFF_CONCURRENCY && sniffing + ready.size < ahead && taken < queue.length) {
      const job = queue[taken] as Job;
      taken += 1;
      if (!options.waiting(job)) continue;
      sniffing += 1;
      sniff(job);
    }
    if (taken === queue.length) {
      queue.length = 0;
      taken = 0;
    }
  }

  return {
    pick(jobs) {
      for (const job of jobs) queue.push(job);
      if (jobs.length <= LARGE_PICK) return next();
      holding += 1;
      whenIdle(() => {
        holding -= 1;
        next();
      });
    },
    next,
    leave: (job) => void ready.delete(job),
  };
}
