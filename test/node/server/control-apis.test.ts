import { describe, expect, it } from 'vitest';
import { postForm, startApi } from './multipart-helpers.js';

const control = async (base: string, method: string, path: string) =>
  (await fetch(`${base}/_control/${path}`, { method })).json();

describe.each([
  ['llamacloud', '/api/v1/beta/files', [{ name: 'purpose', value: 'parse' }]],
  ['xai', '/v1/files', []],
] as const)('the control endpoint of the %s server', (api, files, fields) => {
  it('shows stored files with their internal detail, the request log, and resets everything', async () => {
    const { server, call } = await startApi(api, { control: true, rateLimit: { perSecond: 5 } });
    const upload = await postForm(call, files, [
      ...fields,
      { name: 'file', filename: 'n.txt', data: 'twelve bytes' },
    ]);
    expect(upload.status).toBe(200);
    const stored = await control(server.url, 'GET', 'files');
    expect(stored.files).toHaveLength(1);
    expect(stored.files[0]).toMatchObject({ md5: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(JSON.stringify(stored.files[0])).toContain('12');
    const log = await control(server.url, 'GET', 'requests');
    expect(log.requests.map((r: { route: string }) => r.route)).toEqual(['upload']);
    expect((await control(server.url, 'GET', 'config')).config).toEqual({
      sessionTtlMs: 3_600_000,
      downloadTtlMs: 900_000,
      rateLimit: { perSecond: 5 },
    });
    server.faults.add({ route: 'list', status: 500 });
    expect(await control(server.url, 'POST', 'reset')).toEqual({ ok: true });
    expect((await control(server.url, 'GET', 'files')).files).toEqual([]);
    expect((await control(server.url, 'GET', 'faults')).faults).toEqual([]);
    expect((await control(server.url, 'GET', 'requests')).requests).toEqual([]);
    expect((await call('GET', files)).status).toBe(200);
  });
});
