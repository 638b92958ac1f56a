import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDevServer } from '../../../../src/server/index.js';
import { callerFor, postForm, tempDataDir } from '../multipart-helpers.js';

describe('xAI persistence', () => {
  it('keeps files and bytes across a restart; a deleted file stays deleted', async () => {
    const dataDir = await tempDataDir();
    const first = await createDevServer({ api: 'xai', port: 0, dataDir, rateLimit: false });
    const call1 = callerFor(first.url);
    const upload = (name: string) =>
      postForm(call1, '/v1/files', [{ name: 'file', filename: name, data: `${name} bytes` }]);
    const kept = (await upload('kept.txt')).body;
    const gone = (await upload('gone.txt')).body;
    await call1('DELETE', `/v1/files/${gone.id}`);
    await first.close();
    expect(await readdir(join(dataDir, 'files'))).toEqual([`${kept.id}.json`]);
    expect(await readdir(join(dataDir, 'blobs'))).toEqual([`${kept.id}.bin`]);

    const second = await createDevServer({ api: 'xai', port: 0, dataDir, rateLimit: false });
    try {
      const call2 = callerFor(second.url);
      expect((await call2('GET', '/v1/files')).body.data).toEqual([kept]);
      expect((await call2('GET', `/v1/files/${kept.id}/content`)).text).toBe('kept.txt bytes');
      expect((await call2('GET', `/v1/files/${gone.id}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
