import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadParams } from '../../../src/core/backend.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  DIRECT_LIKE,
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  httpError,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhaseAdvancing } from './helpers.js';

const file = (name = 'a.txt') => new File(['hello world'], name, { type: 'text/plain' });
const stored = (params: UploadParams) => ({
  id: `stored_${params.filename}`,
  filename: params.filename,
  status: 'COMPLETED' as const,
});

describe('upload engine: direct transfers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports the request progress and sends the purpose, asking the client for no retries of its own', async () => {
    const backend = new FakeBackend({ capabilities: DIRECT_LIKE });
    const engine = createUploadEngine({ backend, purpose: 'parse', hashFile: fakeHash });
    const [id] = engine.add([file()]);
    const call = await backend.next('upload');
    expect(call.args[1]).toEqual({
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 11,
      purpose: 'parse',
    });
    expect(call.options?.maxRetries).toBe(0);
    call.onProgress?.({ loaded: 5, total: 11 });
    await vi.advanceTimersByTimeAsync(50);
    expect(uploadOf(engine, id!).progress.loaded).toBe(5);
    call.resolve(stored(call.args[1] as UploadParams));
    await untilPhaseAdvancing(engine, id!, 'completed');
  });

  it('retries a 503 once after its Retry-After, and counts that retry', async () => {
    const backend = new FakeBackend({ capabilities: DIRECT_LIKE });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([file()]);
    (await backend.next('upload')).reject(
      httpError({ code: 'service_unavailable', status: 503, retryable: true, retryAfterMs: 2000 }),
    );
    await vi.advanceTimersByTimeAsync(1999);
    expect(backend.count('upload')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const second = await backend.next('upload');
    second.resolve(stored(second.args[1] as UploadParams));
    await untilPhaseAdvancing(engine, id!, 'completed');
    expect(uploadOf(engine, id!).attempts).toBe(1);
  });

  it('aborts the request on cancel, and deletes nothing the service never had', async () => {
    const backend = new FakeBackend({ capabilities: DIRECT_LIKE, delete: happyAuto.delete });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([file()]);
    const call = await backend.next('upload');
    engine.cancel(id!);
    expect(call.signal?.aborted).toBe(true);
    await flushMicrotasks();
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(backend.count('delete')).toBe(0);
    expect(backend.count('cancel')).toBe(0);
  });

  it('deletes the file when the service answers after the cancel (the request had finished sending)', async () => {
    const backend = new FakeBackend({ capabilities: DIRECT_LIKE, delete: happyAuto.delete });
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([file('late.txt')]);
    const call = await backend.next('upload');
    // A transfer that lets a sent request finish resolves even though its signal aborted.
    call.keepOnAbort = true;
    engine.cancel(id!);
    await flushMicrotasks();
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(backend.count('delete')).toBe(0);
    call.resolve(stored(call.args[1] as UploadParams));
    await vi.waitFor(() => expect(backend.count('delete')).toBe(1));
    expect(backend.calls.find((c) => c.method === 'delete')?.args).toEqual(['stored_late.txt']);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
  });

  it('deletes nothing on a service without delete', async () => {
    const backend = new FakeBackend({ capabilities: { ...DIRECT_LIKE, delete: false } });
    expect(backend.delete).toBeUndefined();
    const engine = createUploadEngine({ backend, hashFile: fakeHash });
    const [id] = engine.add([file()]);
    const call = await backend.next('upload');
    call.keepOnAbort = true;
    engine.cancel(id!);
    call.resolve(stored(call.args[1] as UploadParams));
    await flushMicrotasks(40);
    expect(uploadOf(engine, id!).phase).toBe('cancelled');
    expect(backend.calls.map((c) => c.method)).toEqual(['upload']);
  });
});
