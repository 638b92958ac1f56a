/**
 * filedock's own clients through the proxy: what they send (headers, multipart field order,
 * paging parameters) is what the proxy accepts, and what the proxy answers parses.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createLightfieldClient,
  createLlamaCloudClient,
  createXaiClient,
} from '../../../src/core/index.js';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import { BASE, makeProxy, putTo, startUpstream } from './helpers.js';
import { listen } from './listen.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe("filedock's clients through the proxy", () => {
  it('Lightfield: create, PUT, complete, list, url', async () => {
    const upstream = await startUpstream();
    const { proxy } = makeProxy(upstream.url);
    const app = await listen(toNodeListener(proxy));
    const client = createLightfieldClient({
      baseURL: `${app.url}${BASE}`,
      headers: { 'x-user': 'alice' },
    });
    const session = await client.files.create({
      filename: 'c.txt',
      mimeType: 'text/plain',
      sizeBytes: 5,
    });
    expect(await putTo(session, 'hello')).toBe(200);
    const done = await client.files.complete(session.id, { md5: md5('hello') });
    expect(done.status).toBe('COMPLETED');
    const list = await client.files.list({ limit: 25 });
    expect(list.data.map((f) => f.id)).toEqual([session.id]);
    expect((await client.files.url(session.id)).url).toMatch(/^http/);
  });

  it('LlamaCloud: upload, list, content, delete', async () => {
    const upstream = await startUpstream({ api: 'llamacloud' });
    const { proxy } = makeProxy(upstream.url, { api: 'llamacloud', basePath: '/api/llamacloud' });
    const app = await listen(toNodeListener(proxy));
    const client = createLlamaCloudClient({
      baseURL: `${app.url}/api/llamacloud`,
      headers: { 'x-user': 'alice' },
    });
    const file = await client.files.upload(new Blob(['llama'], { type: 'text/plain' }), {
      filename: 'l.txt',
      purpose: 'parse',
    });
    expect(file.name).toBe('l.txt');
    const page = await client.files.list({ pageSize: 10 });
    expect(page.items.map((f) => f.id)).toEqual([file.id]);
    const content = await client.files.content(file.id);
    expect(await (await fetch(content.url)).text()).toBe('llama');
    await client.files.delete(file.id);
    expect((await client.files.list({})).items).toEqual([]);
  });

  it('xAI: upload, list, content bytes, delete', async () => {
    const upstream = await startUpstream({ api: 'xai' });
    const { proxy } = makeProxy(upstream.url, { api: 'xai', basePath: '/api/xai' });
    const app = await listen(toNodeListener(proxy));
    const client = createXaiClient({
      baseURL: `${app.url}/api/xai`,
      headers: { 'x-user': 'alice' },
    });
    const file = await client.files.upload(new Blob(['x-ray'], { type: 'text/plain' }), {
      filename: 'x.txt',
    });
    const page = await client.files.list({ limit: 10 });
    expect(page.data.map((f) => f.id)).toEqual([file.id]);
    const bytes = await client.files.content(file.id);
    expect(await bytes.text()).toBe('x-ray');
    await client.files.delete(file.id);
    expect((await client.files.list({ limit: 10 })).data).toEqual([]);
  });
});
