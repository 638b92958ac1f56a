import { describe, expect, it } from 'vitest';
import { lazyResume } from '../../../src/core/upload/lazy-resume.js';
import type { EngineResume } from '../../../src/core/upload/resume/setup.js';

function fakeResume(log: string[]): EngineResume {
  const note =
    (name: string) =>
    (...args: unknown[]) => {
      log.push(`${name}(${args.join(',')})`);
      return Promise.resolve(name);
    };
  return {
    tracker: {
      added: (job: { localId: string }) => void log.push(`added(${job.localId})`),
      adopt: note('adopt'),
      checkpoint: note('checkpoint'),
      forget: note('forget'),
    } as unknown as EngineResume['tracker'],
    restorer: { start: note('start'), stop: note('stop') } as unknown as EngineResume['restorer'],
    destroy: () => void log.push('destroy'),
  };
}

describe('lazyResume', () => {
  it('holds calls made while the chunk loads and runs them in order, then goes straight through', async () => {
    const log: string[] = [];
    let arrive!: (resume: EngineResume) => void;
    const lazy = lazyResume(() => new Promise((resolve) => (arrive = resolve)));
    expect(lazy.loading()).toBe(true);
    lazy.resume.tracker.added({ localId: 'a' } as never);
    const forgotten = lazy.resume.tracker.forget('a');
    void lazy.resume.restorer.start();
    expect(log).toEqual([]);
    arrive(fakeResume(log));
    await lazy.loaded;
    expect(lazy.loading()).toBe(false);
    expect(log).toEqual(['added(a)', 'forget(a)', 'start()']);
    await expect(forgotten).resolves.toBe('forget');
    lazy.resume.tracker.added({ localId: 'b' } as never);
    expect(log.at(-1)).toBe('added(b)');
  });

  it('is resume off when the chunk cannot load: calls resolve and do nothing', async () => {
    const lazy = lazyResume(() => Promise.reject(new TypeError('Failed to fetch')));
    const checkpoint = lazy.resume.tracker.checkpoint({} as never);
    await lazy.loaded;
    await expect(checkpoint).resolves.toBeUndefined();
    await expect(lazy.resume.restorer.discard('x')).resolves.toBeUndefined();
    expect(lazy.loading()).toBe(false);
  });
});
