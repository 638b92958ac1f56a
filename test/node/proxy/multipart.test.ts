/**
 * LlamaCloud and xAI through the proxy, against their reference servers: multipart uploads
 * rebuilt and streamed, ownership on every per-file route, lists of one's own files with the
 * proxy's cursor, content (a presigned URL for LlamaCloud, bytes streamed back for xAI), delete.
 */
import { describe, expect, it } from 'vitest';
import type { DevServerOptions } from '../../../src/server/index.js';
import { apiRequests, call, makeProxy, read, startUpstream } from './helpers.js';
import { BOUNDARY, field, filePart, form, MULTIPART, rawMultipart } from './multipart.js';

const LC = '/api/llamacloud';
const XAI = '/api/xai';

async function llamacloud(
  options: Partial<Parameters<typeof makeProxy>[1]> = {},
  server: DevServerOptions = {},
) {
  const upstream = await startUpstream({ api: 'llamacloud', ...server });
  const { proxy, logs } = makeProxy(upstream.url, { api: 'llamacloud', basePath: LC, ...options });
  return { upstream, proxy, logs };
}

async function xai(
  options: Partial<Parameters<typeof makeProxy>[1]> = {},
  server: DevServerOptions = {},
) {
  const upstream = await startUpstream({ api: 'xai', ...server });
  const { proxy, logs } = makeProxy(upstream.url, { api: 'xai', basePath: XAI, ...options });
  return { upstream, proxy, logs };
}

async function upload(
  proxy: Parameters<typeof call>[0],
  base: string,
  path: string,
  body: FormData,
  user = 'alice',
) {
  return call(proxy, 'POST', path, { raw: body, user, base });
}

describe('proxy: LlamaCloud', () => {
  it('uploads, retrieves, lists own files, hands out content URLs and deletes', async () => {
    const { proxy, upstream } = await llamacloud();
    const up = await upload(
      proxy,
      LC,
      '/api/v1/beta/files',
      form({ purpose: 'user_data' }, { name: 'a.txt', data: 'alpha' }),
    );
    expect(up.status).toBe(200);
    expect(up.body.name).toBe('a.txt');
    const id = up.body.id as string;
    const seenUpload = apiRequests(upstream)[0];
    expect(seenUpload?.headers['content-type']).toMatch(
      /^multipart\/form-data; boundary=filedock-/,
    );
    await upload(
      proxy,
      LC,
      '/api/v1/beta/files',
      form({ purpose: 'parse' }, { name: 'b.txt', data: 'bravo' }),
      'bob',
    );
    const mine = await call(proxy, 'GET', '/api/v1/beta/files', { base: LC });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([id]);
    expect(mine.body.total_size).toBe(1);
    expect((await call(proxy, 'GET', `/api/v1/beta/files/${id}`, { base: LC })).body.id).toBe(id);
    const content = await call(proxy, 'GET', `/api/v1/beta/files/${id}/content`, { base: LC });
    expect(content.status).toBe(200);
    expect(await (await fetch(content.body.url)).text()).toBe('alpha');
    expect(
      (await call(proxy, 'DELETE', `/api/v1/beta/files/${id}`, { base: LC, user: 'bob' })).status,
    ).toBe(404);
    expect(
      (await call(proxy, 'GET', `/api/v1/beta/files/${id}/content`, { base: LC, user: 'bob' }))
        .status,
    ).toBe(404);
    const del = await call(proxy, 'DELETE', `/api/v1/beta/files/${id}`, { base: LC });
    expect(del.status).toBe(204);
    expect((await call(proxy, 'GET', '/api/v1/beta/files', { base: LC })).body.items).toEqual([]);
  });

  it("pages a user's own files with the proxy's cursor", async () => {
    const { proxy } = await llamacloud();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const up = await upload(
        proxy,
        LC,
        '/api/v1/beta/files',
        form({ purpose: 'user_data' }, { name: `f${i}.txt`, data: `${i}` }),
      );
      ids.push(up.body.id);
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call(
        proxy,
        'GET',
        `/api/v1/beta/files?page_size=2${token ? `&page_token=${token}` : ''}`,
        { base: LC },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((f: { id: string }) => f.id));
      token = page.body.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters are for admins; an admin lists the whole project upstream', async () => {
    const { proxy } = await llamacloud();
    await upload(
      proxy,
      LC,
      '/api/v1/beta/files',
      form({ purpose: 'user_data' }, { name: 'a.txt', data: 'a' }),
      'bob',
    );
    const user = await call(proxy, 'GET', '/api/v1/beta/files?file_name=a.txt', { base: LC });
    expect(user.status).toBe(400);
    expect(user.body.error.code).toBe('filter_not_supported');
    const admin = await call(proxy, 'GET', '/api/v1/beta/files?file_name=a.txt', {
      base: LC,
      admin: true,
    });
    expect(admin.status).toBe(200);
    expect(admin.body.items).toHaveLength(1);
  });

  it('pins the project: the browser cannot pick another one', async () => {
    const project = '11111111-2222-4333-8444-555555555555';
    const { proxy, upstream } = await llamacloud({ llamaCloud: { projectId: project } });
    const up = await upload(
      proxy,
      LC,
      '/api/v1/beta/files',
      form({ purpose: 'user_data' }, { name: 'a.txt', data: 'a' }),
    );
    expect(up.status).toBe(200);
    expect(up.body.project_id).toBe(project);
    expect(apiRequests(upstream)[0]?.path).toContain(`project_id=${project}`);
    const other = await call(
      proxy,
      'GET',
      '/api/v1/beta/files?project_id=99999999-2222-4333-8444-555555555555',
      { base: LC },
    );
    expect(other.status).toBe(400);
  });

  it('passes upstream refusals through (extract above 100 MiB is the proxy’s own 413)', async () => {
    const { proxy } = await llamacloud({ maxUploadBytes: 8 });
    const up = await upload(
      proxy,
      LC,
      '/api/v1/beta/files',
      form({ purpose: 'user_data' }, { name: 'a.txt', data: 'more than eight bytes' }),
    );
    expect(up.status).toBe(413);
  });
});

describe('proxy: xAI', () => {
  it('uploads, retrieves, lists own files, streams content back and deletes', async () => {
    const { proxy } = await xai();
    const up = await upload(
      proxy,
      XAI,
      '/v1/files',
      form({ purpose: 'assistants' }, { name: 'x.txt', data: 'x-ray bytes' }),
    );
    expect(up.status).toBe(200);
    const id = up.body.id as string;
    expect(id).toMatch(/^file-/);
    const content = await proxy.fetch(
      new Request(`http://app.test${XAI}/v1/files/${id}/content`, {
        headers: { 'x-user': 'alice' },
      }),
    );
    expect(content.status).toBe(200);
    expect(content.headers.get('content-disposition')).toBeTruthy();
    expect(await content.text()).toBe('x-ray bytes');
    const list = await call(proxy, 'GET', '/v1/files?sort_by=created_at', { base: XAI });
    expect(list.body).toMatchObject({ object: 'list', pagination_token: null });
    expect(list.body.data.map((f: { id: string }) => f.id)).toEqual([id]);
    expect(
      (await call(proxy, 'GET', `/v1/files/${id}/content`, { base: XAI, user: 'eve' })).status,
    ).toBe(404);
    const del = await call(proxy, 'DELETE', `/v1/files/${id}`, { base: XAI });
    expect(del.status).toBe(200);
    expect(del.body.deleted).toBe(true);
    expect((await call(proxy, 'GET', `/v1/files/${id}`, { base: XAI })).status).toBe(404);
  });

  it('lists in the management shape when upstream speaks it', async () => {
    const { proxy } = await xai({}, { xaiShape: 'management' });
    const up = await upload(proxy, XAI, '/v1/files', form({}, { name: 'm.txt', data: 'mgmt' }));
    expect(up.status).toBe(200);
    const list = await call(proxy, 'GET', '/v1/files', { base: XAI });
    expect(list.body.files.map((f: { file_id: string }) => f.file_id)).toEqual([up.body.file_id]);
    expect(list.body.next_token).toBeNull();
  });

  it('keeps expires_after (both forms) before the file', async () => {
    const { proxy } = await xai();
    const plain = await upload(
      proxy,
      XAI,
      '/v1/files',
      form({ purpose: 'assistants', expires_after: '3600' }, { name: 'e.txt', data: 'e' }),
    );
    expect(plain.status).toBe(200);
    const deep = await upload(
      proxy,
      XAI,
      '/v1/files',
      form(
        { 'expires_after[anchor]': 'created_at', 'expires_after[seconds]': '7200' },
        { name: 'd.txt', data: 'd' },
      ),
    );
    expect(deep.status).toBe(200);
  });

  it('an admin list passes through untouched', async () => {
    const { proxy } = await xai();
    await upload(proxy, XAI, '/v1/files', form({}, { name: 'a.txt', data: 'a' }), 'bob');
    const all = await read(
      await proxy.fetch(
        new Request(`http://app.test${XAI}/v1/files?limit=10&order=asc&sort_by=created_at`, {
          headers: { 'x-user': 'root', 'x-admin': '1' },
        }),
      ),
    );
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(1);
  });
});

describe('proxy: multipart chunking', () => {
  /** The same bytes as a stream cut into pieces of the given sizes (cycled). */
  function chunked(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
    let at = 0;
    let i = 0;
    return new ReadableStream({
      pull(controller) {
        if (at >= bytes.byteLength) return controller.close();
        const size = sizes[i++ % sizes.length] ?? 1;
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      },
    });
  }

  it.each([
    ['one byte at a time', [1]],
    ['pieces that cut the boundary anywhere', [1, 7, 3, 61, 2, 29, 5]],
    ['large pieces', [65_536]],
  ])('an upload arriving in %s is rebuilt byte for byte', async (_name, sizes) => {
    const { proxy, upstream } = await llamacloud();
    // File bytes that contain near-misses of the boundary: CRLF, dashes, the boundary's prefix.
    const file = `line one\r\n--not-the-boundary\r\n--testboundary12\r\n-${'x'.repeat(3000)}\r\n`;
    const body = new TextEncoder().encode(
      rawMultipart([field('purpose', 'parse'), filePart('c.txt', file)]),
    );
    const answer = await call(proxy, 'POST', '/api/v1/beta/files', {
      base: LC,
      raw: chunked(body, sizes),
      headers: { 'content-type': MULTIPART },
    });
    expect(answer.status).toBe(200);
    const content = await call(proxy, 'GET', `/api/v1/beta/files/${answer.body.id}/content`, {
      base: LC,
    });
    expect(await (await fetch(content.body.url)).text()).toBe(file);
    expect(apiRequests(upstream)).toHaveLength(2);
  });

  it.each([1, 5, 17])(
    'a closing delimiter cut %i bytes in between two large chunks is found',
    async (cut) => {
      const { proxy, upstream } = await llamacloud();
      const file = `${'y'.repeat(150_000)}\r\n--testboundary12`;
      const text = rawMultipart([field('purpose', 'parse'), filePart('d.txt', file)]);
      const body = new TextEncoder().encode(text);
      const closing = text.lastIndexOf(`\r\n--${BOUNDARY}--`);
      // A large first chunk ending inside the delimiter, then chunks far larger than it.
      const answer = await call(proxy, 'POST', '/api/v1/beta/files', {
        base: LC,
        raw: chunked(body, [closing + cut, 65_536]),
        headers: { 'content-type': MULTIPART },
      });
      expect(answer.status).toBe(200);
      const content = await call(proxy, 'GET', `/api/v1/beta/files/${answer.body.id}/content`, {
        base: LC,
      });
      expect(await (await fetch(content.body.url)).text()).toBe(file);
      expect(apiRequests(upstream)).toHaveLength(2);
    },
  );
});
