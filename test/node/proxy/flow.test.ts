import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../src/server/request-log.js';
import {
  API_KEY,
  apiRequests,
  call,
  createAs,
  makeProxy,
  putTo,
  startUpstream,
} from './helpers.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('proxy: Lightfield flow', () => {
  it('creates, uploads, completes, retrieves, lists and downloads through the proxy', async () => {
    const server = await startUpstream();
    const { proxy } = makeProxy(server.url);
    const session = await createAs(proxy, 'alice');
    expect(session.uploadUrl).toMatch(/^http/);
    expect(await putTo(session, 'hello world')).toBe(200);
    const done = await call(proxy, 'POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5('hello world') },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('COMPLETED');
    const got = await call(proxy, 'GET', `/v1/files/${session.id}`);
    expect(got.body.id).toBe(session.id);
    const list = await call(proxy, 'GET', '/v1/files');
    expect(list.body).toMatchObject({ object: 'list', totalCount: 1 });
    expect(list.body.data[0].id).toBe(session.id);
    const url = await call(proxy, 'GET', `/v1/files/${session.id}/url`);
    expect(url.status).toBe(200);
    expect(url.headers.get('cache-control')).toBe('no-store');
    const bytes = await (await fetch(url.body.url)).text();
    expect(bytes).toBe('hello world');
  });

  it('sends the server key and version upstream, never the browser headers', async () => {
    const server = await startUpstream();
    const { proxy } = makeProxy(server.url);
    await call(proxy, 'POST', '/v1/files', {
      body: { filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 3 },
      headers: {
        cookie: 'session=abc',
        authorization: 'Bearer sk_lf_attacker',
        'lightfield-version': '1999-01-01',
        'x-forwarded-host': 'evil.test',
        'x-custom': '1',
      },
    });
    const [seen] = apiRequests(server);
    expect(seen?.headers.authorization).toBe(redactCredential(`Bearer ${API_KEY}`));
    expect(seen?.headers['lightfield-version']).toBe('2026-03-01');
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers['x-forwarded-host']).toBeUndefined();
    expect(seen?.headers['x-custom']).toBeUndefined();
    expect(seen?.headers['x-user']).toBeUndefined();
  });
});
