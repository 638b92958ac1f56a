import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevServer } from '../../../src/server/index.js';
import { apiFor, createSession, fakeClock, md5, putBytes, raw } from './helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'filedock-persist-'));
  dirs.push(dir);
  return dir;
}

describe('persistence', () => {
  it('keeps files, bytes and upload URLs across a restart on the same dataDir', async () => {
    const dataDir = await freshDir();
    const clock = fakeClock();
    const first = await createDevServer({ port: 0, dataDir, now: clock.now, rateLimit: false });
    const api1 = apiFor(first.url);
    const done = await createSession(api1, { sizeBytes: 5 });
    await putBytes(done, 'bytes');
    await api1('POST', `/v1/files/${done.id}/complete`, { body: { md5: md5('bytes') } });
    const pending = await createSession(api1, { sizeBytes: 4 });
    await first.close();

    const second = await createDevServer({
      port: first.port,
      dataDir,
      now: clock.now,
      rateLimit: false,
    });
    try {
      const api2 = apiFor(second.url);
      const list = await api2('GET', '/v1/files');
      expect(list.body.data.map((f: { id: string; status: string }) => [f.id, f.status])).toEqual([
        [pending.id, 'PENDING'],
        [done.id, 'COMPLETED'],
      ]);
      const link = await api2('GET', `/v1/files/${done.id}/url`);
      expect((await raw(link.body.url)).text).toBe('bytes');
      // The signing secret lives in the data dir, so a session created before the restart still uploads.
      expect((await putBytes(pending, 'four')).status).toBe(200);
      expect(
        (await api2('POST', `/v1/files/${pending.id}/complete`, { body: { md5: md5('four') } }))
          .body.status,
      ).toBe('COMPLETED');
      const created = await createSession(api2);
      expect(created.id).not.toBe(pending.id);
      expect((await api2('GET', '/v1/files')).body.data[0].id).toBe(created.id);
    } finally {
      await second.close();
    }
  });

  it('writes metadata atomically: one JSON per file, no temporary files left', async () => {
    const dataDir = await freshDir();
    const server = await createDevServer({ port: 0, dataDir, rateLimit: false });
    const api = apiFor(server.url);
    const session = await createSession(api, { sizeBytes: 2 });
    await putBytes(session, 'ok');
    await server.close();
    expect((await readdir(join(dataDir, 'files'))).sort()).toEqual([`${session.id}.json`]);
    expect(await readdir(join(dataDir, 'blobs'))).toEqual([`${session.id}.bin`]);
  });

  it('uses a temporary directory without dataDir and removes it on close', async () => {
    const server = await createDevServer({ port: 0, rateLimit: false, control: true });
    const api = apiFor(server.url);
    const session = await createSession(api, { sizeBytes: 2 });
    await putBytes(session, 'ok');
    expect(server.dataDir.startsWith(join(tmpdir(), 'filedock-server-'))).toBe(true);
    expect((await stat(server.dataDir)).isDirectory()).toBe(true);
    await server.close();
    await expect(stat(server.dataDir)).rejects.toThrow(/ENOENT/);
  });
});
