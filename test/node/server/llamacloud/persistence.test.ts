import { describe, expect, it } from 'vitest';
import { createDevServer } from '../../../../src/server/index.js';
import { callerFor, postForm, tempDataDir } from '../multipart-helpers.js';

const FILES = '/api/v1/beta/files';
describe('LlamaCloud persistence', () => {
  it('keeps files, bytes, the default project and download URLs across a restart', async () => {
    const dataDir = await tempDataDir();
    const first = await createDevServer({ api: 'llamacloud', port: 0, dataDir, rateLimit: false });
    const call1 = callerFor(first.url);
    const file = (
      await postForm(call1, FILES, [
        { name: 'purpose', value: 'split' },
        { name: 'file', filename: 'kept.txt', data: 'kept bytes' },
      ])
    ).body;
    const { url } = (await call1('GET', `${FILES}/${file.id}/content`)).body;
    await first.close();

    const second = await createDevServer({
      api: 'llamacloud',
      port: first.port,
      dataDir,
      rateLimit: false,
    });
    try {
      const call2 = callerFor(second.url);
      expect((await call2('GET', FILES)).body.items).toEqual([file]);
      // The signing secret lives in the data dir: a URL handed out before still works.
      expect(await (await fetch(url)).text()).toBe('kept bytes');
      expect((await call2('DELETE', `${FILES}/${file.id}`)).status).toBe(204);
    } finally {
      await second.close();
    }
    const third = await createDevServer({ api: 'llamacloud', port: 0, dataDir, rateLimit: false });
    try {
      expect((await callerFor(third.url)('GET', FILES)).body.items).toEqual([]);
    } finally {
      await third.close();
    }
  });

  it('takes a default project from the options, and refuses one that is not a UUID', async () => {
    const projectId = '12345678-1234-4234-8234-123456789abc';
    const server = await createDevServer({ api: 'llamacloud', port: 0, projectId });
    try {
      const answer = await postForm(callerFor(server.url), FILES, [
        { name: 'purpose', value: 'parse' },
        { name: 'file', filename: 'a.txt', data: 'a' },
      ]);
      expect(answer.body.project_id).toBe(projectId);
    } finally {
      await server.close();
    }
    await expect(
      createDevServer({ api: 'llamacloud', port: 0, projectId: 'proj_1' }),
    ).rejects.toThrow(/projectId must be a UUID/);
  });

  it("refuses to open another API's data dir", async () => {
    const dataDir = await tempDataDir();
    const lightfield = await createDevServer({ port: 0, dataDir });
    await lightfield.close();
    await expect(createDevServer({ api: 'llamacloud', port: 0, dataDir })).rejects.toThrow(
      /holds lightfield data/,
    );
  });
});
