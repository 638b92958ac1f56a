import { afterEach, describe, expect, it } from 'vitest';
import {
  createResumeCoordinator,
  type RemoteProgress,
  type ResumeCoordinator,
} from '../../../src/core/upload/resume/coordination.js';

const made: ResumeCoordinator[] = [];
const coordinator = (name = 'filedock-test') => {
  const c = createResumeCoordinator(name);
  made.push(c);
  return c;
};
afterEach(() => {
  for (const c of made.splice(0)) c.close();
});

describe('resume coordination (Web Locks + BroadcastChannel)', () => {
  it('lets one holder claim an upload at a time', async () => {
    const a = coordinator();
    const b = coordinator();
    const first = await a.tryClaim('k1');
    expect(first).toBeDefined();
    expect(await b.tryClaim('k1')).toBeUndefined();
    expect(await b.tryClaim('k2')).toBeDefined();
    await first?.release();
    const again = await b.tryClaim('k1');
    expect(again).toBeDefined();
    await again?.release();
  });

  it('hands the upload to a waiting holder once the owner lets go', async () => {
    const a = coordinator();
    const b = coordinator();
    const owner = await a.tryClaim('k3');
    let granted = false;
    const waiting = b.waitClaim('k3', new AbortController().signal).then((claim) => {
      granted = true;
      return claim;
    });
    await a.tryClaim('other'); // a round trip through the lock manager
    expect(granted).toBe(false);
    owner?.release();
    const claim = await waiting;
    expect(claim).toBeDefined();
    await claim?.release();
  });

  it('stops waiting when aborted', async () => {
    const a = coordinator();
    const owner = await a.tryClaim('k4');
    const controller = new AbortController();
    const waiting = coordinator().waitClaim('k4', controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    await owner?.release();
  });

  it('tells the other holders about progress, not itself', async () => {
    const a = coordinator('filedock-progress');
    const b = coordinator('filedock-progress');
    const seenByA: RemoteProgress[] = [];
    a.subscribe((m) => seenByA.push(m));
    const received = new Promise<RemoteProgress>((resolve) => b.subscribe(resolve));
    a.announce({ type: 'progress', key: 'k5', phase: 'uploading', percent: 40 });
    expect(await received).toEqual({
      type: 'progress',
      key: 'k5',
      phase: 'uploading',
      percent: 40,
    });
    expect(seenByA).toEqual([]);
  });
});
