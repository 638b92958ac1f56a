/**
 * Resume is off by default, so its modules (journal, tab coordination, tracker, restorer) are a
 * chunk of their own that only an engine with `resume` on loads. The engine talks to this
 * stand-in from the start: what it says while the chunk loads waits here and runs in order once
 * it is there; afterwards calls go straight through. If the chunk cannot load, uploads simply
 * live as long as the page, as with resume off.
 */
import type { EngineResume } from './resume/setup.js';

export interface LazyResume {
  readonly resume: EngineResume;
  /** Still loading: the engine starts no upload until the tracker can journal it. */
  loading(): boolean;
  /** Settles once loaded (or given up). */
  readonly loaded: Promise<void>;
}

type Use = (resume: EngineResume) => unknown;

export function lazyResume(load: () => Promise<EngineResume | undefined>): LazyResume {
  let current: EngineResume | undefined;
  let waiting: { use: Use; done: (value: unknown) => void }[] | undefined = [];

  const run = (use: Use): unknown => {
    if (current) return use(current);
    if (!waiting) return Promise.resolve(undefined); // the chunk did not load: resume is off
    const queue = waiting;
    return new Promise((done) => queue.push({ use, done }));
  };

  const loaded = load()
    .catch(() => undefined)
    .then((resume) => {
      // Calls made while loading run first, in order (a call made by one of them queues behind
      // it); only then do new calls go straight through.
      const queue = waiting ?? [];
      for (let i = 0; i < queue.length; i += 1) {
        const { use, done } = queue[i] as (typeof queue)[number];
        try {
          done(resume ? use(resume) : undefined);
        } catch (error) {
          done(Promise.reject(error));
        }
      }
      waiting = undefined;
      current = resume;
    });

  /** An object whose every method runs on the loaded one's `part`. */
  const forward = <T extends object>(part: (resume: EngineResume) => T): T =>
    new Proxy({} as T, {
      get:
        (_, name) =>
        (...args: unknown[]) =>
          run((resume) => {
            const target = part(resume);
            return (target[name as keyof T] as (...a: unknown[]) => unknown).apply(target, args);
          }),
    });

  return {
    resume: {
      tracker: forward((resume) => resume.tracker),
      restorer: forward((resume) => resume.restorer),
      destroy: () => void run((resume) => resume.destroy()),
    },
    loading: () => waiting !== undefined,
    loaded,
  };
}
