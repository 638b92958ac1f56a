import { describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  DIRECT_LIKE,
  FakeBackend,
  happyAuto,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { FAKE_MD5, fakeHash, until, uploadOf, untilPhase } from './helpers.js';

describe('upload engine: happy path', () => {
  it('creates, PUTs with progress, completes with the MD5, and reports callbacks once', async () => {
    const backend = new FakeBackend({ complete: happyAuto.complete });
    const onStart = vi.fn();
    const onUploaded = vi.fn();
    const onSettled = vi.fn();
    const engine = createUploadEngine({
      backend,
      purpose: 'knowledge_user',
      hashFile: fakeHash,
      onStart,
      onUploaded,
      onSettled,
    });
    const [id] = engine.add([textFile('notes.md', '# hi', '')]);

    const create = await backend.next('create');
    expect(create.args[0]).toEqual({
      filename: 'notes.md',
      mimeType: 'text/markdown',
      sizeBytes: 4,
      purpose: 'knowledge_user',
    });
    expect(uploadOf(engine, id!).phase).toBe('creating');
    expect(onStart).toHaveBeenCalledTimes(1);
    const session = makeSession(create.args[0] as FileCreateParams, {
      filename: 'notes_1713045600000.md',
    });
    create.resolve(session);

    const put = await backend.next('put');
    await untilPhase(engine, id!, 'uploading');
    expect(uploadOf(engine, id!).serverFile?.filename).toBe('notes_1713045600000.md');
    expect(put.args[1]).toBeInstanceOf(File);
    put.onProgress?.({ loaded: 2, total: 4 });
    await until(engine, (s) => s.uploads[0]!.progress.loaded === 2);
    expect(uploadOf(engine, id!).progress.percent).toBe(50);
    put.resolve(undefined);

    const complete = await backend.next('complete');
    expect(complete.args).toEqual([session.id, { md5: FAKE_MD5 }]);
    const snapshot = await untilPhase(engine, id!, 'completed');
    const upload = snapshot.uploads[0]!;
    expect(upload.md5).toBe(FAKE_MD5);
    expect(upload.progress).toMatchObject({ loaded: 4, total: 4, percent: 100 });
    expect(snapshot.isUploading).toBe(false);
    expect(onUploaded).toHaveBeenCalledTimes(1);
    expect(onUploaded.mock.calls[0]![0]).toMatchObject({ id: session.id, status: 'COMPLETED' });
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('shows `hashing` only when the PUT ends before the MD5', async () => {
    let finishHash!: (md5: string) => void;
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: happyAuto.put,
      complete: happyAuto.complete,
    });
    const engine = createUploadEngine({
      backend,
      hashFile: () => new Promise((resolve) => (finishHash = resolve)),
    });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhase(engine, id!, 'hashing');
    expect(backend.count('complete')).toBe(0);
    finishHash(FAKE_MD5);
    await untilPhase(engine, id!, 'completed');
    expect(backend.calls.find((c) => c.method === 'complete')!.args[1]).toEqual({ md5: FAKE_MD5 });
  });

  it('sends no MD5 with checksum: false, nor when the backend does not verify one', async () => {
    for (const setup of [
      { checksum: false, verifies: 'md5' as const },
      { checksum: true, verifies: 'none' as const },
    ]) {
      const backend = new FakeBackend({ ...happyAuto, capabilities: { checksum: setup.verifies } });
      const hashFile = vi.fn(fakeHash);
      const engine = createUploadEngine({ backend, checksum: setup.checksum, hashFile });
      const [id] = engine.add([textFile('a.txt')]);
      await untilPhase(engine, id!, 'completed');
      expect(hashFile).not.toHaveBeenCalled();
      expect(backend.calls.find((c) => c.method === 'complete')!.args[1]).toEqual({});
    }
  });

  it('computes a real MD5 on the main thread when no hashFile is given (Node has no Worker)', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend });
    const [id] = engine.add([textFile('a.txt', 'hello world')]);
    await untilPhase(engine, id!, 'completed');
    expect(backend.calls.find((c) => c.method === 'complete')!.args[1]).toEqual({
      md5: '5eb63bbbe01eeed093cb22bb8f5acdc3',
    });
  });

  it('uploads in one request through a direct transfer, without session steps or an MD5', async () => {
    const backend = new FakeBackend({ ...happyAuto, capabilities: DIRECT_LIKE });
    const hashFile = vi.fn(fakeHash);
    const engine = createUploadEngine({ backend, hashFile });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhase(engine, id!, 'completed');
    expect(backend.calls.map((call) => call.method)).toEqual(['upload']);
    expect(hashFile).not.toHaveBeenCalled();
    expect(uploadOf(engine, id!).serverFile).toMatchObject({ filename: 'a.txt' });
  });

  it('keeps working when app callbacks throw', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    try {
      const backend = new FakeBackend(happyAuto);
      const boom = () => {
        throw new Error('app bug');
      };
      const engine = createUploadEngine({
        backend,
        hashFile: fakeHash,
        onStart: boom,
        onUploaded: boom,
        onSettled: boom,
        concurrency: 1,
      });
      const ids = engine.add([textFile('a.txt'), textFile('b.txt')]);
      await until(engine, (s) => s.uploads.every((u) => u.phase === 'completed'));
      expect(ids).toHaveLength(2);
      expect(reportError).toHaveBeenCalledTimes(6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never mutates the File objects it is given', async () => {
    const backend = new FakeBackend(happyAuto);
    const file = textFile('a.txt');
    const before = Object.getOwnPropertyNames(file);
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([file]);
    await untilPhase(engine, id!, 'completed');
    expect(Object.getOwnPropertyNames(file)).toEqual(before);
    expect(Object.isExtensible(file)).toBe(true);
    expect(uploadOf(engine, id!).file).toBe(file);
  });
});
