import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  FakeBackend,
  happyAuto,
  httpError,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhase, untilPhaseAdvancing } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('upload engine: session recovery', () => {
  it('re-creates an expired session at most twice, then fails with upload-expired', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      cancel: happyAuto.cancel,
      put: () => httpError({ code: 'upload-expired', status: 403 }),
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhase(engine, id!, 'failed');
    expect(backend.count('create')).toBe(3);
    expect(backend.count('put')).toBe(3);
    expect(uploadOf(engine, id!).error?.code).toBe('upload-expired');
  });

  it('treats a storage 403 after expiresAt as expiry, and recovers with a fresh session', async () => {
    vi.useFakeTimers({ now: new Date('2026-04-08T12:00:00Z') });
    const backend = new FakeBackend({ complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    const create = await backend.next('create');
    create.resolve(
      makeSession(create.args[0] as FileCreateParams, { expiresAt: '2026-04-08T12:00:01.000Z' }),
    );
    const put = await backend.next('put');
    vi.setSystemTime(new Date('2026-04-08T12:00:02Z'));
    put.reject(httpError({ code: 'storage-rejected', status: 403 }));
    const again = await backend.next('create');
    const fresh = makeSession(again.args[0] as FileCreateParams);
    again.resolve(fresh);
    const put2 = await backend.next('put');
    expect((put2.args[0] as { uploadUrl: string }).uploadUrl).toBe(fresh.uploadUrl);
    put2.resolve(undefined);
    await untilPhaseAdvancing(engine, id!, 'completed');
  });

  it('a storage 403 before expiresAt, on a session the server still calls PENDING, fails as storage-rejected', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      cancel: happyAuto.cancel,
      put: () => httpError({ code: 'storage-rejected', status: 403 }),
      retrieve: (call) => ({
        ...makeSession({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 11 }),
        id: call.args[0] as string,
      }),
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhase(engine, id!, 'failed');
    expect(backend.count('create')).toBe(1);
    expect(backend.count('retrieve')).toBe(1);
    expect(uploadOf(engine, id!).error?.code).toBe('storage-rejected');
  });

  it('a bare storage 403 before our clock says expiresAt, on a session the server calls EXPIRED, recovers', async () => {
    let puts = 0;
    const backend = new FakeBackend({
      create: happyAuto.create,
      cancel: happyAuto.cancel,
      complete: happyAuto.complete,
      put: () => {
        puts += 1;
        return puts === 1 ? httpError({ code: 'storage-rejected', status: 403 }) : undefined;
      },
      retrieve: (call) => ({
        ...makeSession({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 11 }),
        id: call.args[0] as string,
        status: 'EXPIRED',
        expiresAt: null,
      }),
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(backend.count('create')).toBe(2);
    expect(backend.count('put')).toBe(2);
  });

  it('re-creates when complete answers EXPIRED or the server says expired', async () => {
    const backend = new FakeBackend({ create: happyAuto.create, put: happyAuto.put });
    let completes = 0;
    backend.auto.complete = (call) => {
      completes += 1;
      if (completes === 1)
        return {
          ...makeSession({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 11 }),
          id: call.args[0],
          status: 'EXPIRED',
          expiresAt: null,
        };
      if (completes === 2)
        return httpError({ code: 'conflict', status: 409, serverCode: 'expired' });
      return happyAuto.complete!(call);
    };
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(backend.count('create')).toBe(3);
  });

  it('takes a new session once after a 412 name collision, then fails with conflict', async () => {
    const collision = () =>
      httpError({ code: 'conflict', status: 412, type: 'precondition_failed' });
    const backend = new FakeBackend({
      create: happyAuto.create,
      cancel: happyAuto.cancel,
      put: collision,
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash, purpose: 'knowledge_user' });
    const [id] = engine.add([textFile('playbook.md', '# x', '')]);
    await untilPhase(engine, id!, 'failed');
    expect(backend.count('create')).toBe(2);
    expect(uploadOf(engine, id!).error?.code).toBe('conflict');
    // Neither the replaced session nor the given-up one is left PENDING.
    expect(backend.count('cancel')).toBe(2);

    let puts = 0;
    backend.auto.put = () => {
      puts += 1;
      return puts === 1 ? collision() : undefined;
    };
    backend.auto.complete = happyAuto.complete;
    const [ok] = engine.add([textFile('other.md', '# y', '')]);
    await untilPhaseAdvancing(engine, ok!, 'completed');
  });

  it('re-PUTs once after an MD5 mismatch (hashing again), then fails with checksum-mismatch', async () => {
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: happyAuto.put,
      cancel: happyAuto.cancel,
      complete: () =>
        httpError({ code: 'bad_request', status: 400, serverCode: 'checksum_mismatch' }),
    });
    const hashFile = vi.fn(fakeHash);
    const engine = createUploadEngine({ backend, hashFile });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhase(engine, id!, 'failed');
    expect(backend.count('create')).toBe(1);
    expect(backend.count('put')).toBe(2);
    expect(backend.count('complete')).toBe(2);
    expect(hashFile).toHaveBeenCalledTimes(2);
    expect(uploadOf(engine, id!).error?.code).toBe('checksum-mismatch');
  });

  it('recovers when the re-PUT after a mismatch completes', async () => {
    let completes = 0;
    const backend = new FakeBackend({
      create: happyAuto.create,
      put: happyAuto.put,
      complete: (call) => {
        completes += 1;
        return completes === 1
          ? httpError({ code: 'checksum-mismatch', status: 400 })
          : happyAuto.complete!(call);
      },
    });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([textFile('a.txt')]);
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(backend.count('put')).toBe(2);
  });
});
