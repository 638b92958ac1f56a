import { describe, expect, it } from 'vitest';
import {
  createUpload,
  initialState,
  type UploadAction,
  type UploadState,
} from '../../../src/core/upload/reducer.js';
import { reduceUploads as reduce } from '../../../src/core/upload/run-part.js';
import { selectSnapshot } from '../../../src/core/upload/store.js';
import type { FileObject } from '../../../src/core/lightfield/schemas.js';

const file = new File(['x'.repeat(200)], 'a.txt', { type: 'text/plain' });
const serverFile: FileObject = {
  id: 'fil_1',
  status: 'COMPLETED',
  filename: 'a.txt',
  mimeType: 'text/plain',
  sizeBytes: 200,
  createdAt: '2026-04-08T12:00:00.000Z',
  completedAt: '2026-04-08T12:00:01.000Z',
  expiresAt: null,
};

function withUpload(): UploadState {
  return reduce(initialState, { type: 'added', uploads: [createUpload('u1', file, undefined, 1)] });
}
function run(state: UploadState, ...actions: UploadAction[]): UploadState {
  return actions.reduce(reduce, state);
}

describe('upload reducer', () => {
  it('adds queued records with zero progress', () => {
    const state = withUpload();
    expect(state.uploads[0]).toMatchObject({
      localId: 'u1',
      phase: 'queued',
      attempts: 0,
      progress: { loaded: 0, total: 200, percent: 0, bytesPerSecond: 0, etaSeconds: undefined },
    });
  });

  it('walks the happy path immutably', () => {
    const start = withUpload();
    const creating = reduce(start, { type: 'phase', localId: 'u1', phase: 'creating' });
    expect(creating).not.toBe(start);
    expect(start.uploads[0]!.phase).toBe('queued');
    const uploading = run(
      creating,
      { type: 'phase', localId: 'u1', phase: 'uploading' },
      { type: 'progress', localId: 'u1', loaded: 50, bytesPerSecond: 25 },
    );
    expect(uploading.uploads[0]!.progress).toEqual({
      loaded: 50,
      total: 200,
      percent: 25,
      bytesPerSecond: 25,
      etaSeconds: 6,
    });
    const done = run(
      uploading,
      { type: 'md5', localId: 'u1', md5: 'ab' },
      { type: 'phase', localId: 'u1', phase: 'completing' },
      { type: 'completed', localId: 'u1', serverFile },
    );
    expect(done.uploads[0]).toMatchObject({
      phase: 'completed',
      md5: 'ab',
      serverFile,
      progress: { loaded: 200, percent: 100 },
    });
  });

  it('returns the same state for actions that do not apply', () => {
    const done = run(
      withUpload(),
      { type: 'phase', localId: 'u1', phase: 'creating' },
      { type: 'completed', localId: 'u1', serverFile },
    );
    for (const action of [
      { type: 'progress', localId: 'u1', loaded: 1, bytesPerSecond: 1 },
      { type: 'phase', localId: 'u1', phase: 'uploading' },
      { type: 'failed', localId: 'u1', error: { code: 'network', message: 'x' } },
      { type: 'cancelled', localId: 'u1' },
      { type: 'requeued', localId: 'u1' },
      { type: 'phase', localId: 'nope', phase: 'creating' },
      { type: 'removed', localIds: ['nope'] },
      { type: 'added', uploads: [] },
    ] satisfies UploadAction[]) {
      expect(reduce(done, action)).toBe(done);
    }
  });

  it('rejects only queued uploads, and requeues only failed ones', () => {
    const rejection = { file, errors: [{ code: 'file-too-large' as const, message: 'big' }] };
    const rejected = reduce(withUpload(), {
      type: 'rejected',
      localId: 'u1',
      rejection,
      error: rejection.errors[0]!,
    });
    expect(rejected.uploads[0]).toMatchObject({
      phase: 'rejected',
      error: rejection.errors[0],
      rejection,
    });
    expect(reduce(rejected, { type: 'requeued', localId: 'u1' })).toBe(rejected);

    const failed = run(
      withUpload(),
      { type: 'phase', localId: 'u1', phase: 'creating' },
      { type: 'failed', localId: 'u1', error: { code: 'network', message: 'x' } },
    );
    const requeued = reduce(failed, { type: 'requeued', localId: 'u1' });
    expect(requeued.uploads[0]).toMatchObject({ phase: 'queued', error: undefined });
    expect(reduce(failed, { type: 'cancelled', localId: 'u1' }).uploads[0]!.phase).toBe(
      'cancelled',
    );
  });

  it('counts automatic retries and removes records', () => {
    const state = run(
      withUpload(),
      { type: 'phase', localId: 'u1', phase: 'creating' },
      { type: 'retrying', localId: 'u1' },
      { type: 'retrying', localId: 'u1' },
    );
    expect(state.uploads[0]!.attempts).toBe(2);
    expect(reduce(state, { type: 'removed', localIds: ['u1'] }).uploads).toEqual([]);
  });

  it('totals progress over uploads that are not rejected or cancelled', () => {
    let state = reduce(initialState, {
      type: 'added',
      uploads: [
        createUpload('a', file, undefined, 1),
        createUpload('b', file, undefined, 1),
        createUpload('c', file, undefined, 1),
      ],
    });
    state = run(
      state,
      { type: 'phase', localId: 'a', phase: 'uploading' },
      { type: 'progress', localId: 'a', loaded: 100, bytesPerSecond: 50 },
      { type: 'cancelled', localId: 'c' },
    );
    const snapshot = selectSnapshot(state);
    expect(snapshot.progress).toEqual({
      loaded: 100,
      total: 400,
      percent: 25,
      bytesPerSecond: 50,
      etaSeconds: 6,
    });
    expect(snapshot.isUploading).toBe(true);
  });
});
