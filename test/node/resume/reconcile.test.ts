import { describe, expect, it } from 'vitest';
import { decideResume, findDirectUpload } from '../../../src/core/upload/resume/reconcile.js';
import { entry, iso, NOW, remote } from './fixtures.js';

const found = (overrides = {}) => ({ kind: 'found' as const, file: remote(overrides) });

describe('decideResume', () => {
  it('shows a COMPLETED file as completed and never completes it again', () => {
    const file = remote({ status: 'COMPLETED', expiresAt: null, completedAt: iso(NOW) });
    for (const step of ['put', 'complete'] as const)
      expect(decideResume(entry({ step }), { kind: 'found', file }, NOW)).toEqual({
        type: 'completed',
        file,
      });
  });

  it('shows a COMPLETED file as completed even when the entry itself has expired', () => {
    const file = remote({ status: 'COMPLETED', expiresAt: null });
    const old = entry({ expiresAt: NOW - 1 });
    expect(decideResume(old, { kind: 'found', file }, NOW).type).toBe('completed');
  });

  it('reuses a PENDING session with time left from the step the journal reached', () => {
    expect(decideResume(entry({ step: 'put' }), found(), NOW)).toEqual({
      type: 'continue',
      step: 'put',
    });
    expect(decideResume(entry({ step: 'complete' }), found(), NOW)).toEqual({
      type: 'continue',
      step: 'complete',
    });
  });

  it('cancels a PENDING session too close to its deadline for a PUT and starts a new one', () => {
    const soon = found({ expiresAt: iso(NOW + 60_000) });
    expect(decideResume(entry({ step: 'put' }), soon, NOW)).toEqual({
      type: 'restart',
      cancel: 'fil_1',
    });
    // Completing needs no bytes: a minute is plenty.
    expect(decideResume(entry({ step: 'complete' }), soon, NOW)).toEqual({
      type: 'continue',
      step: 'complete',
    });
  });

  it('honours the thresholds it is given', () => {
    const soon = found({ expiresAt: iso(NOW + 60_000) });
    expect(decideResume(entry(), soon, NOW, { minPutTimeLeftMs: 30_000 }).type).toBe('continue');
    expect(
      decideResume(entry({ step: 'complete' }), soon, NOW, { minCompleteTimeLeftMs: 90_000 }),
    ).toEqual({ type: 'restart', cancel: 'fil_1' });
  });

  it('cancels a PENDING session whose upload URL was forgotten, rather than PUT without one', () => {
    const e = entry({ session: { id: 'fil_1', expiresAt: iso(NOW + 3_600_000) } });
    expect(decideResume(e, found(), NOW)).toEqual({ type: 'restart', cancel: 'fil_1' });
  });

  it('starts a new session for CANCELLED, EXPIRED, FAILED and unknown sessions, closing nothing', () => {
    for (const status of ['CANCELLED', 'EXPIRED', 'FAILED'] as const)
      expect(decideResume(entry(), found({ status, expiresAt: null }), NOW)).toEqual({
        type: 'restart',
      });
    expect(decideResume(entry(), { kind: 'gone' }, NOW)).toEqual({ type: 'restart' });
  });

  it('starts over an entry that never got a session, and a direct upload not found', () => {
    const added = entry({ step: 'added' });
    delete added.session;
    expect(decideResume(added, { kind: 'gone' }, NOW)).toEqual({ type: 'restart' });
    const direct = entry({ step: 'direct' });
    delete direct.session;
    expect(decideResume(direct, { kind: 'gone' }, NOW)).toEqual({ type: 'restart' });
  });

  it('waits when the server cannot be asked', () => {
    expect(decideResume(entry(), { kind: 'unknown' }, NOW)).toEqual({ type: 'wait' });
  });

  it('drops an expired entry, cancelling its session if the server still has it PENDING', () => {
    const old = entry({ expiresAt: NOW - 1 });
    expect(decideResume(old, found(), NOW)).toEqual({ type: 'expired', cancel: 'fil_1' });
    expect(decideResume(old, { kind: 'gone' }, NOW)).toEqual({ type: 'expired' });
    expect(decideResume(old, found({ status: 'EXPIRED' }), NOW)).toEqual({ type: 'expired' });
    expect(decideResume(old, { kind: 'unknown' }, NOW)).toEqual({ type: 'expired' });
  });

  it('trusts the server deadline over the journal copy', () => {
    const e = entry({
      session: { ...entry().session!, expiresAt: iso(NOW + 3_600_000) },
    });
    expect(decideResume(e, found({ expiresAt: iso(NOW + 1_000) }), NOW)).toEqual({
      type: 'restart',
      cancel: 'fil_1',
    });
  });
});

describe('findDirectUpload', () => {
  const direct = entry({ step: 'direct', updatedAt: NOW - 10_000 });

  it('finds the same name and size stored since the request started', () => {
    const mine = remote({ id: 'file-9', status: 'COMPLETED', createdAt: iso(NOW - 5_000) });
    const other = remote({ id: 'file-8', filename: 'other.pdf', status: 'COMPLETED' });
    expect(findDirectUpload(direct, [other, mine])).toBe(mine);
  });

  it('ignores an older file of the same name and a file of another size', () => {
    const older = remote({ status: 'COMPLETED', createdAt: iso(NOW - 3_600_000) });
    const bigger = remote({ status: 'COMPLETED', sizeBytes: 4096, createdAt: iso(NOW) });
    expect(findDirectUpload(direct, [older, bigger])).toBeUndefined();
  });

  it('accepts a service that reports no size or date', () => {
    const bare = remote({ status: 'COMPLETED' });
    delete bare.sizeBytes;
    delete bare.createdAt;
    expect(findDirectUpload(direct, [bare])).toBe(bare);
  });
});
