import { describe, expect, it } from 'vitest';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { createMemoryClient } from '../../../src/testing/index.js';
import { directOf } from '../../support/fake-backend.js';

const file = (name: string, body = 'hello') => new File([body], name, { type: 'text/plain' });
const params = (f: File, purpose?: string) => ({
  filename: f.name,
  mimeType: f.type,
  sizeBytes: f.size,
  ...(purpose ? { purpose } : {}),
});

describe('createMemoryClient: emulated services', () => {
  it('lightfield (the default): sessions, MD5, cancel, signed URLs, offset pages of 25', () => {
    const { backend, rules } = createMemoryClient();
    expect(backend.transfer.kind).toBe('session');
    expect(backend.capabilities).toEqual({
      checksum: 'md5',
      cancel: true,
      delete: false,
      download: 'url',
      paging: 'offset',
      maxPageSize: 25,
    });
    expect(Object.keys(rules)).toContain('knowledge_user');
  });

  it('llamacloud: one-request uploads, no size or dates, cursor pages, delete, signed URLs', async () => {
    const { backend, rules, control } = createMemoryClient({ service: 'llamacloud' });
    expect(backend.capabilities).toMatchObject({ checksum: 'none', cancel: false, delete: true });
    expect(backend.cancel).toBeUndefined();
    expect(backend.download).toBeUndefined();
    expect(rules.extract?.maxSize).toBe(100 * 1024 * 1024);
    const f = file('a.txt');
    const stored = await directOf(backend).upload(f, params(f, 'parse'));
    expect(stored).toEqual({ id: stored.id, filename: 'a.txt', status: 'COMPLETED' });
    await expect(control.read(stored.id)?.text()).resolves.toBe('hello');
    await expect(backend.downloadUrl?.(stored.id)).resolves.toMatchObject({
      url: expect.any(String),
    });
    await backend.delete?.(stored.id);
    expect(control.list()).toEqual([]);
  });

  it('xai: cursor pages to the end, and the bytes through download', async () => {
    const { backend, control } = createMemoryClient({
      service: 'xai',
      files: Array.from({ length: 5 }, (_, i) => ({ filename: `f${i}.txt` })),
    });
    expect(backend.downloadUrl).toBeUndefined();
    const first = await backend.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.totalCount).toBeUndefined();
    const second = await backend.list({ limit: 2, cursor: first.nextCursor });
    const third = await backend.list({ limit: 2, cursor: second.nextCursor });
    expect(third).toEqual({ data: [expect.objectContaining({ status: 'COMPLETED' })] });
    const f = file('bytes.txt', 'xyz');
    const stored = await directOf(backend).upload(f, params(f));
    expect(stored).toMatchObject({ sizeBytes: 3, mimeType: 'text/plain' });
    await expect((await backend.download?.(stored.id))?.text()).resolves.toBe('xyz');
    expect(control.calls.map((call) => call.route)).toEqual([
      'list',
      'list',
      'list',
      'upload',
      'download',
    ]);
  });

  it('drives the engine through a direct upload, held at a percent and then released', async () => {
    const client = createMemoryClient({
      service: 'llamacloud',
      bytesPerSecond: 1000,
      progressIntervalMs: 1,
      pauseAt: { phase: 'uploading', percent: 50 },
    });
    const engine = createUploadEngine({ backend: client.backend });
    const [id] = engine.add([file('held.txt', 'x'.repeat(100))]);
    const upload = () => engine.getSnapshot().uploads.find((u) => u.localId === id);
    await expect.poll(() => upload()?.progress.loaded, { timeout: 5000 }).toBe(50);
    client.control.setPaused(false);
    await expect.poll(() => upload()?.phase, { timeout: 5000 }).toBe('completed');
    expect(upload()?.md5).toBeUndefined();
    engine.destroy();
  });
});
