/**
 * A large pick's sniffs wait for an idle main thread, whoever asks for the next sniff meanwhile
 * (a host handing the engine its options after a render, another pick's sniff finishing).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../src/core/upload/job.js';
import { createSniffQueue } from '../../../src/core/upload/sniff-queue.js';

const sniff = (job: Job) => Promise.resolve(job.file.type);

const jobs = (count: number): Job[] =>
  Array.from(
    { length: count },
    (_, i) =>
      ({
        localId: `u${i}`,
        file: new File(['plain text'], `${i}.txt`, { type: 'text/plain' }),
      }) as Job,
  );

describe('sniff queue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts no sniff of a large pick before the main thread is idle, then sniffs it all in order', async () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    const ahead = vi.fn(() => 1000);
    const sniffed: string[] = [];
    let allReady!: () => void;
    const done = new Promise<void>((resolve) => {
      allReady = resolve;
    });
    const queue = createSniffQueue({
      sniff,
      ahead,
      waiting: () => true,
      sniffed(job) {
        sniffed.push(job.localId);
        if (sniffed.length === 101) allReady();
        return true;
      },
      ready: () => undefined,
    });

    const picked = jobs(101);
    queue.pick(picked);
    queue.next(); // as a host's after-render options hand-over does
    queue.next();
    expect(ahead).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);

    idle[0]?.();
    await done;
    expect(sniffed).toEqual(picked.map((job) => job.localId));
  });

  it('sniffs a small pick at once', () => {
    vi.stubGlobal('requestIdleCallback', () => {
      throw new Error('a small pick does not wait');
    });
    const ahead = vi.fn(() => 4);
    const queue = createSniffQueue({
      sniff,
      ahead,
      waiting: () => true,
      sniffed: () => true,
      ready: () => undefined,
    });
    queue.pick(jobs(3));
    expect(ahead).toHaveBeenCalled();
  });
});
