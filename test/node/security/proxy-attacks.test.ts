/**
 * Attacks on the production proxy (filedock/proxy), each refused with the right status and,
 * where it must be, before upstream sees anything (checked in the reference server's request
 * log). The upstream is the Lightfield reference server unless a stub has to misbehave.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { redactCredential } from '../../../src/server/request-log.js';
import { createFilesProxy } from '../../../src/proxy/index.js';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import {
  API_KEY,
  APP,
  apiRequests,
  BASE,
  call,
  createAs,
  createBody,
  headerAuthorize,
  makeProxy,
  startUpstream,
} from '../proxy/helpers.js';
import { listen } from '../proxy/listen.js';
import { BOUNDARY, field, filePart, MULTIPART, rawMultipart } from '../proxy/multipart.js';
import { json, startStub } from '../proxy/stub.js';

async function setup(options: Parameters<typeof makeProxy>[1] = {}) {
  const server = await startUpstream();
  const { proxy, logs } = makeProxy(server.url, options);
  const seen = () => apiRequests(server).length;
  return { server, proxy, logs, seen };
}

describe('route and id tricks', () => {
  it.each([
    ['a route outside the table', 'GET', '/v1/admin'],
    ['a method the route does not have', 'PUT', '/v1/files'],
    ['DELETE on Lightfield, which has no delete', 'DELETE', '/v1/files/fil_abc'],
    ['a trailing slash', 'GET', '/v1/files/'],
    ['an empty segment', 'GET', '/v1//files'],
    ['the reference storage route', 'PUT', '/_storage/upload/fil_abc'],
    ['the control endpoint', 'POST', '/_control/reset'],
    ['another API version', 'GET', '/v2/files'],
    ['a sub-route of a file that does not exist', 'GET', '/v1/files/fil_abc/content'],
  ])('%s is 404 and never reaches upstream', async (_name, method, path) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, method, path);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('route_not_found');
    expect(seen()).toBe(0);
  });

  it.each([
    ['dot segments', '/../../v1/files'],
    ['encoded dot segments', '/%2e%2e/%2e%2e/v1/files'],
  ])('%s that climb out of the base path are 404', async (_name, path) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'GET', path);
    expect(answer.status).toBe(404);
    expect(seen()).toBe(0);
  });

  it.each([
    ['an encoded slash', 'fil_abc%2Fcomplete'],
    ['an encoded backslash', 'fil_abc%5C..'],
    ['dots', 'fil_abc..x'],
    ['an encoded dot-dot inside it', 'fil_%2e%2e'],
    ['a missing fil_ prefix', 'abc'],
    ['a null byte', 'fil_abc%00'],
    ['an overlong id', `fil_${'a'.repeat(200)}`],
    ['unicode look-alikes', 'fil_ab%E2%80%8Bc'],
  ])('an id with %s is 400 and never reaches upstream', async (_name, id) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'GET', `/v1/files/${id}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_file_id');
    expect(seen()).toBe(0);
  });

  it('a path outside the base path is 404 from proxy.fetch', async () => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'GET', '/v1/files', { base: '/api/other' });
    expect(answer.status).toBe(404);
    expect(seen()).toBe(0);
  });
});

describe('query tricks', () => {
  it.each([
    ['an unknown parameter', '?offset=0&admin=true', 'unknown_parameter'],
    ['a limit above 25', '?limit=1000', 'invalid_parameter'],
    ['a negative limit', '?limit=-1', 'invalid_parameter'],
    ['an exponent offset', '?offset=1e3', 'invalid_parameter'],
    ['a repeated parameter (parameter pollution)', '?limit=5&limit=25', 'invalid_parameter'],
  ])('a list with %s is 400 before upstream', async (_name, query, code) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'GET', `/v1/files${query}`, { admin: true });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(seen()).toBe(0);
  });

  it('a query on a route that takes none is 400', async () => {
    const { proxy, seen } = await setup();
    const file = await createAs(proxy, 'alice');
    const before = seen();
    const answer = await call(proxy, 'GET', `/v1/files/${file.id}?expand=owner`);
    expect(answer.status).toBe(400);
    expect(seen()).toBe(before);
  });
});

describe('header smuggling', () => {
  it('Host and X-Forwarded-* cannot redirect the upstream call', async () => {
    const { proxy, server } = await setup();
    const answer = await call(proxy, 'POST', '/v1/files', {
      body: createBody(),
      headers: {
        'x-forwarded-host': '127.0.0.1:9',
        'x-forwarded-proto': 'https',
        forwarded: 'host=127.0.0.1:9;proto=https',
      },
    });
    expect(answer.status).toBe(200);
    const [seen] = apiRequests(server);
    expect(seen?.headers['x-forwarded-host']).toBeUndefined();
    expect(seen?.headers.forwarded).toBeUndefined();
  });

  it("the browser's Authorization and cookies never reach upstream", async () => {
    const { proxy, server } = await setup();
    await call(proxy, 'POST', '/v1/files', {
      body: createBody(),
      headers: { authorization: 'Bearer sk_lf_stolen', cookie: 'sid=1' },
    });
    const [seen] = apiRequests(server);
    expect(seen?.headers.authorization).toBe(redactCredential(`Bearer ${API_KEY}`));
    expect(seen?.headers.cookie).toBeUndefined();
  });

  it.each([
    ['too long', 'k'.repeat(256)],
    ['with spaces', 'a key'],
    ['non-ASCII', 'clé'],
  ])('an Idempotency-Key %s is 400 before upstream', async (_name, key) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'POST', '/v1/files', {
      body: createBody(),
      headers: { 'idempotency-key': key },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_idempotency_key');
    expect(seen()).toBe(0);
  });

  it('cookies, hop-by-hop and framework headers in the answer never cross', async () => {
    const stub = await startStub((_req, res) =>
      json(
        res,
        200,
        { id: 'fil_stub', status: 'PENDING' },
        {
          'set-cookie': 'upstream=1',
          'x-powered-by': 'Upstream',
          'keep-alive': 'timeout=5',
          'x-middleware-rewrite': '/admin',
          'access-control-allow-origin': '*',
          'x-ratelimit-remaining': '24',
          'x-request-id': 'req_1',
        },
      ),
    );
    const { proxy } = makeProxy(stub.url);
    const answer = await call(proxy, 'POST', '/v1/files', { body: createBody() });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('keep-alive')).toBeNull();
    expect(answer.headers.get('x-middleware-rewrite')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('24');
    expect(answer.headers.get('x-request-id')).toBe('req_1');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CORS and CSRF', () => {
  const cors = { origins: ['https://app.example.com'] };

  it.each([
    ['a foreign Origin', { origin: 'https://evil.test' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['Origin: null (sandboxed iframe, data: URL)', { origin: 'null' }],
    ['a look-alike origin', { origin: 'https://app.example.com.evil.test' }],
  ])('a state-changing request with %s is 403 before upstream', async (_name, headers) => {
    const { proxy, seen } = await setup({ cors });
    const answer = await call(proxy, 'POST', '/v1/files', { body: createBody(), headers });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('cross_site_request');
    expect(seen()).toBe(0);
  });

  it('a same-origin POST passes', async () => {
    const { proxy } = await setup();
    const answer = await call(proxy, 'POST', '/v1/files', {
      body: createBody(),
      headers: { origin: APP, 'sec-fetch-site': 'same-origin' },
    });
    expect(answer.status).toBe(200);
  });

  it('a preflight from a foreign origin is 403 without CORS headers', async () => {
    const { proxy, seen } = await setup({ cors });
    const answer = await call(proxy, 'OPTIONS', '/v1/files', {
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBe('Origin');
    expect(seen()).toBe(0);
  });

  it('a preflight asking for a header the app did not allow is 403', async () => {
    const { proxy } = await setup({ cors });
    const answer = await call(proxy, 'OPTIONS', '/v1/files', {
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-evil',
      },
    });
    expect(answer.status).toBe(403);
  });

  it('an allowed origin is echoed exactly, never *, with Vary: Origin and rate headers exposed', async () => {
    const { proxy } = await setup({ cors });
    const pre = await call(proxy, 'OPTIONS', '/v1/files', {
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(pre.headers.get('vary')).toBe('Origin');
    const post = await call(proxy, 'POST', '/v1/files', {
      body: createBody(),
      headers: { origin: 'https://app.example.com', 'sec-fetch-site': 'cross-site' },
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(post.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('a wildcard origin is refused at start-up', () => {
    expect(() =>
      createFilesProxy({
        api: 'lightfield',
        apiKey: API_KEY,
        basePath: BASE,
        authorize: headerAuthorize,
        cors: { origins: ['*'] },
      }),
    ).toThrow(TypeError);
  });
});

describe('oversized and malformed bodies', () => {
  it('a JSON body above the cap with an honest Content-Length is 413 before reading', async () => {
    const { proxy, seen } = await setup({ maxJsonBytes: 1024 });
    const answer = await call(proxy, 'POST', '/v1/files', {
      raw: JSON.stringify({ ...createBody(), filename: 'a'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(seen()).toBe(0);
  });

  it('a streamed JSON body with no Content-Length is cut at the cap (413)', async () => {
    const { proxy, seen } = await setup({ maxJsonBytes: 1024 });
    const chunk = new TextEncoder().encode(' '.repeat(512));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 1_000_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await call(proxy, 'POST', '/v1/files', {
      raw: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(sent).toBeLessThan(10_000);
    expect(seen()).toBe(0);
  });

  it('a lying Content-Length over a chunked body through node:http is still capped', async () => {
    const { proxy, seen } = await setup({ maxJsonBytes: 1024 });
    const app = await listen(toNodeListener(proxy));
    const answer = await fetch(`${app.url}${BASE}/v1/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: `{"filename":"${'a'.repeat(4000)}","mimeType":"text/plain","sizeBytes":1}`,
    });
    expect(answer.status).toBe(413);
    expect(seen()).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"filename": ', 'application/json', 400, 'invalid_json'],
    ['a JSON array', '[]', 'application/json', 400, 'invalid_json'],
    [
      'a text/plain body (form-post CSRF shape)',
      JSON.stringify(createBody()),
      'text/plain',
      415,
      'unsupported_media_type',
    ],
    [
      'an unknown field',
      JSON.stringify({ ...createBody(), owner: 'bob' }),
      'application/json',
      400,
      'unknown_field',
    ],
    [
      'a __proto__ key',
      '{"__proto__":{"admin":true},"filename":"a","mimeType":"text/plain","sizeBytes":1}',
      'application/json',
      400,
      'unknown_field',
    ],
    [
      'a size above 512 MiB',
      JSON.stringify(createBody({ sizeBytes: 2 ** 40 })),
      'application/json',
      400,
      'invalid_field',
    ],
    [
      'a size as a string',
      JSON.stringify(createBody({ sizeBytes: '11' })),
      'application/json',
      400,
      'invalid_field',
    ],
    [
      'a filename with control characters',
      JSON.stringify(createBody({ filename: 'a\u0000b' })),
      'application/json',
      400,
      'invalid_field',
    ],
    [
      'an unknown purpose',
      JSON.stringify(createBody({ purpose: 'root' })),
      'application/json',
      400,
      'invalid_field',
    ],
  ])('a create with %s is refused before upstream', async (_name, raw, type, status, code) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'POST', '/v1/files', {
      raw,
      headers: { 'content-type': type },
    });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(seen()).toBe(0);
  });

  it('a body that is not UTF-8 is 400', async () => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, 'POST', '/v1/files', {
      raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(seen()).toBe(0);
  });

  it('a complete with an md5 that is not lower-case hex is 400', async () => {
    const { proxy, seen } = await setup();
    const file = await createAs(proxy, 'alice');
    const before = seen();
    const answer = await call(proxy, 'POST', `/v1/files/${file.id}/complete`, {
      body: { md5: 'A'.repeat(32) },
    });
    expect(answer.status).toBe(400);
    expect(seen()).toBe(before);
  });
});

describe("another user's files", () => {
  it.each([
    ['retrieve', 'GET', ''],
    ['complete', 'POST', '/complete'],
    ['cancel', 'POST', '/cancel'],
    ['download URL', 'GET', '/url'],
  ])("bob's %s of alice's file is 404 and never reaches upstream", async (_op, method, suffix) => {
    const { proxy, seen } = await setup();
    const file = await createAs(proxy, 'alice');
    const before = seen();
    const answer = await call(proxy, method, `/v1/files/${file.id}${suffix}`, {
      user: 'bob',
      ...(method === 'POST' ? { body: {} } : {}),
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('file_not_found');
    expect(seen()).toBe(before);
  });

  it('a file created outside the proxy (no owner record) is 404 for users, visible to admins', async () => {
    const { proxy, server } = await setup();
    const direct = await fetch(`${server.url}/v1/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'lightfield-version': '2026-03-01',
        'content-type': 'application/json',
      },
      body: JSON.stringify(createBody()),
    }).then((r) => r.json());
    expect((await call(proxy, 'GET', `/v1/files/${direct.id}`)).status).toBe(404);
    expect((await call(proxy, 'GET', `/v1/files/${direct.id}`, { admin: true })).status).toBe(200);
  });

  it("bob's list never shows alice's files; an admin's shows all", async () => {
    const { proxy } = await setup();
    const a = await createAs(proxy, 'alice');
    const b = await createAs(proxy, 'bob');
    const bobs = await call(proxy, 'GET', '/v1/files', { user: 'bob' });
    expect(bobs.body.data.map((f: { id: string }) => f.id)).toEqual([b.id]);
    expect(bobs.body.totalCount).toBe(1);
    const all = await call(proxy, 'GET', '/v1/files', { user: 'root', admin: true });
    expect(all.body.data.map((f: { id: string }) => f.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('two users sending the same Idempotency-Key never get each other’s answer', async () => {
    const { proxy, server } = await setup();
    const key = 'same-key-123';
    const alice = await call(proxy, 'POST', '/v1/files', {
      user: 'alice',
      body: createBody({ filename: 'alice.txt' }),
      headers: { 'idempotency-key': key },
    });
    const bob = await call(proxy, 'POST', '/v1/files', {
      user: 'bob',
      body: createBody({ filename: 'bob.txt' }),
      headers: { 'idempotency-key': key },
    });
    expect(alice.status).toBe(200);
    expect(bob.status).toBe(200);
    expect(bob.body.id).not.toBe(alice.body.id);
    expect(bob.body.uploadUrl).not.toBe(alice.body.uploadUrl);
    const keys = apiRequests(server).map((r) => r.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys).not.toContain(key);
    // The same user retrying with the same key still gets the replay.
    const again = await call(proxy, 'POST', '/v1/files', {
      user: 'alice',
      body: createBody({ filename: 'alice.txt' }),
      headers: { 'idempotency-key': key },
    });
    expect(again.body.id).toBe(alice.body.id);
  });

  it('knowledge_workspace by a non-admin is 403 before upstream; an admin may', async () => {
    const { proxy, seen } = await setup();
    const body = createBody({
      filename: 'p.md',
      mimeType: 'text/markdown',
      purpose: 'knowledge_workspace',
    });
    const user = await call(proxy, 'POST', '/v1/files', { body });
    expect(user.status).toBe(403);
    expect(user.body.error.code).toBe('admin_only');
    expect(seen()).toBe(0);
    const admin = await call(proxy, 'POST', '/v1/files', { body, admin: true });
    expect(admin.status).toBe(200);
  });

  it.each([
    ['create', 'POST', '/v1/files'],
    ['list', 'GET', '/v1/files'],
    ['retrieve', 'GET', '/v1/files/fil_abc'],
    ['url', 'GET', '/v1/files/fil_abc/url'],
  ])('an unauthenticated %s is 401 before upstream', async (_op, method, path) => {
    const { proxy, seen } = await setup();
    const answer = await call(proxy, method, path, {
      user: null,
      ...(method === 'POST' ? { body: createBody() } : {}),
    });
    expect(answer.status).toBe(401);
    expect(seen()).toBe(0);
  });
});

describe('rate share', () => {
  it("a user's burst past their share is 429 with Retry-After before upstream sees it", async () => {
    const { proxy, seen } = await setup({ rateLimit: { perSecond: 1, burst: 3 } });
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(await call(proxy, 'GET', '/v1/files', { admin: true }));
    expect(answers.slice(0, 3).every((a) => a.status === 200)).toBe(true);
    const refused = answers[3];
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(seen()).toBe(3);
    // Another user still has their own share.
    expect((await call(proxy, 'GET', '/v1/files', { user: 'bob', admin: true })).status).toBe(200);
  });
});

describe('misbehaving upstreams', () => {
  it('an upstream redirect is not followed: 502 and no Location', async () => {
    let followed = 0;
    const evil = await startStub((_req, res) => {
      followed++;
      json(res, 200, { id: 'fil_evil' });
    });
    const stub = await startStub((_req, res) => {
      res.writeHead(307, { location: `${evil.url}/steal` });
      res.end();
    });
    const { proxy } = makeProxy(stub.url);
    const answer = await call(proxy, 'POST', '/v1/files', { body: createBody() });
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_redirect');
    expect(answer.headers.get('location')).toBeNull();
    expect(followed).toBe(0);
  });

  it('a redirect answering a streamed upload is not followed either: 502', async () => {
    let followed = 0;
    const evil = await startStub((_req, res) => {
      followed++;
      json(res, 200, { id: 'file-evil' });
    });
    const stub = await startStub((_req, res) => {
      res.writeHead(307, { location: `${evil.url}/v1/files` });
      res.end();
    });
    const { proxy } = makeProxy(stub.url, { api: 'xai', basePath: '/api/xai' });
    const answer = await call(proxy, 'POST', '/v1/files', {
      base: '/api/xai',
      raw: rawMultipart([filePart('a.txt', 'abc')]),
      headers: { 'content-type': MULTIPART },
    });
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_redirect');
    expect(followed).toBe(0);
  });

  it('a slow upstream becomes 504 with a generic body', async () => {
    const server = await startUpstream();
    server.faults.add({ route: 'list', delayMs: 2000 });
    const { proxy } = makeProxy(server.url, { timeoutMs: 200 });
    const answer = await call(proxy, 'GET', '/v1/files', { admin: true });
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('upstream_timeout');
    expect(answer.text).not.toContain(server.url);
  });

  it('an unreachable upstream becomes 502 and the log holds no key', async () => {
    const stub = await startStub(() => undefined);
    const url = stub.url;
    await stub.close();
    const { proxy, logs } = makeProxy(url);
    const answer = await call(proxy, 'GET', '/v1/files', { admin: true });
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('upstream_unreachable');
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
  });

  it("upstream's error status, body and Retry-After pass through", async () => {
    const server = await startUpstream();
    server.faults.add({ route: 'create', status: 503, retryAfter: 7 });
    const { proxy } = makeProxy(server.url);
    const answer = await call(proxy, 'POST', '/v1/files', { body: createBody() });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body.error.code).toBe('injected_fault');
  });

  it('an HTML page in a 200 answer is never served as a page (502)', async () => {
    const server = await startUpstream();
    const { proxy } = makeProxy(server.url);
    const file = await createAs(proxy, 'alice');
    server.faults.add({ route: 'retrieve', malformed: 'html' });
    const answer = await call(proxy, 'GET', `/v1/files/${file.id}`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toContain('application/json');
  });

  it('a create answer without a file id is 502 (nothing unowned is handed out)', async () => {
    const server = await startUpstream();
    server.faults.add({ route: 'create', malformed: 'missing-fields' });
    const stub = await startStub((_req, res) => json(res, 200, { uploadUrl: 'http://x/' }));
    const { proxy } = makeProxy(stub.url);
    const answer = await call(proxy, 'POST', '/v1/files', { body: createBody() });
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('invalid_upstream_answer');
  });
});

describe('secrets', () => {
  it('logs never contain the API key or a presigned URL', async () => {
    const { proxy, logs } = await setup();
    const file = await createAs(proxy, 'alice');
    await call(proxy, 'GET', `/v1/files/${file.id}/url`);
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(file.uploadUrl);
    expect(text).not.toMatch(/signature|sig=|token=/i);
  });

  it('without authorize the proxy refuses to start outside development', () => {
    expect(() =>
      createFilesProxy({
        api: 'lightfield',
        apiKey: API_KEY,
        basePath: BASE,
        dangerouslyAllowAnonymous: true,
      }),
    ).toThrow(/authorize/);
  });
});

describe('multipart uploads (LlamaCloud, xAI)', () => {
  const LC = '/api/llamacloud';
  const XAI = '/api/xai';
  const UPLOAD = { llamacloud: '/api/v1/beta/files', xai: '/v1/files' } as const;

  async function multipartSetup(
    api: 'llamacloud' | 'xai',
    options: Parameters<typeof makeProxy>[1] = {},
  ) {
    const server = await startUpstream({ api });
    const base = api === 'xai' ? XAI : LC;
    const { proxy } = makeProxy(server.url, { api, basePath: base, ...options });
    const stored = async () =>
      ((await (await fetch(`${server.url}/_control/files`)).json()).files as unknown[]).length;
    const send = (raw: BodyInit, headers: Record<string, string> = { 'content-type': MULTIPART }) =>
      call(proxy, 'POST', UPLOAD[api], { raw, headers, base });
    return { server, proxy, base, stored, send, seen: () => apiRequests(server).length };
  }

  it.each([
    [
      'an unknown field before the file',
      [field('owner', 'bob'), filePart('a.txt', 'a')],
      'llamacloud',
    ],
    ['no purpose (LlamaCloud requires it before the file)', [filePart('a.txt', 'a')], 'llamacloud'],
    [
      'a purpose outside the list',
      [field('purpose', 'admin'), filePart('a.txt', 'a')],
      'llamacloud',
    ],
    [
      'a repeated field',
      [field('purpose', 'parse'), field('purpose', 'extract'), filePart('a.txt', 'a')],
      'llamacloud',
    ],
    ['an expires_after out of range', [field('expires_after', '1'), filePart('a.txt', 'a')], 'xai'],
    [
      'a filename with a quote-breaking semicolon',
      [field('purpose', 'parse'), filePart('a";b.txt', 'a')],
      'llamacloud',
    ],
    ['a filename with a backslash', [filePart('..\\\\a.txt', 'a')], 'xai'],
    [
      'a smuggled Content-Transfer-Encoding header',
      [
        {
          headers: [
            'Content-Disposition: form-data; name="file"; filename="a.txt"',
            'Content-Transfer-Encoding: base64',
          ],
          body: 'YQ==',
        },
      ],
      'xai',
    ],
    [
      'a filename* parameter',
      [
        {
          headers: ['Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'a.txt'],
          body: 'a',
        },
      ],
      'xai',
    ],
    ['no file part at all', [field('purpose', 'parse')], 'llamacloud'],
  ] as const)('an upload with %s is 400 before upstream', async (_name, parts, api) => {
    const { send, seen, stored } = await multipartSetup(api);
    const answer = await send(rawMultipart([...parts]));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_multipart');
    expect(seen()).toBe(0);
    expect(await stored()).toBe(0);
  });

  it.each(['llamacloud', 'xai'] as const)(
    '%s: a field smuggled after the file part is 400 and nothing is stored',
    async (api) => {
      const { send, stored } = await multipartSetup(api);
      const parts = api === 'llamacloud' ? [field('purpose', 'parse')] : [];
      const answer = await send(
        rawMultipart([...parts, filePart('a.txt', 'abc'), field('purpose', 'extract')]),
      );
      expect(answer.status).toBe(400);
      expect(await stored()).toBe(0);
    },
  );

  it('a second file part is refused and nothing is stored', async () => {
    const { send, stored } = await multipartSetup('xai');
    const answer = await send(rawMultipart([filePart('a.txt', 'abc'), filePart('b.txt', 'def')]));
    expect(answer.status).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('a truncated upload (no closing boundary) is 400 and nothing is stored', async () => {
    const { send, stored } = await multipartSetup('xai');
    const answer = await send(rawMultipart([filePart('a.txt', 'abc')], false));
    expect(answer.status).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('a JSON body on the upload route is 415 before upstream', async () => {
    const { send, seen } = await multipartSetup('xai');
    const answer = await send('{"file":"a"}', { 'content-type': 'application/json' });
    expect(answer.status).toBe(415);
    expect(seen()).toBe(0);
  });

  it('an upload declaring more than the cap is 413 before a byte is read', async () => {
    const { proxy, seen } = await multipartSetup('xai', { maxUploadBytes: 1024 });
    const app = await listen(toNodeListener(proxy));
    const answer = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}${XAI}/v1/files`, {
        method: 'POST',
        headers: {
          'content-type': MULTIPART,
          'content-length': String(600 * 1024 * 1024),
          'x-user': 'alice',
        },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(`--${BOUNDARY}\r\n`);
    });
    expect(answer).toBe(413);
    expect(seen()).toBe(0);
  });

  it('a chunked upload passing the cap is cut at the cap (413) and nothing is stored', async () => {
    const { send, stored } = await multipartSetup('llamacloud', { maxUploadBytes: 64 * 1024 });
    const head = new TextEncoder().encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nparse\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const chunk = new Uint8Array(16 * 1024).fill(97);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await send(body);
    expect(answer.status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);
    expect(await stored()).toBe(0);
  });

  it.each(['llamacloud', 'xai'] as const)(
    "%s: bob's delete of alice's file is 404 before upstream",
    async (api) => {
      const { send, proxy, base, seen, stored } = await multipartSetup(api);
      const parts = api === 'llamacloud' ? [field('purpose', 'parse')] : [];
      const up = await send(rawMultipart([...parts, filePart('a.txt', 'abc')]));
      expect(up.status).toBe(200);
      const id = up.body.id as string;
      const before = seen();
      const del = await call(proxy, 'DELETE', `${UPLOAD[api]}/${id}`, { base, user: 'bob' });
      expect(del.status).toBe(404);
      expect(seen()).toBe(before);
      expect(await stored()).toBe(1);
    },
  );

  it('a DELETE carrying a body is 400 before upstream', async () => {
    const { proxy, seen } = await multipartSetup('xai');
    const answer = await call(proxy, 'DELETE', '/v1/files/file-abc', {
      base: XAI,
      raw: '{}',
      headers: { 'content-length': '2' },
    });
    expect(answer.status).toBe(400);
    expect(seen()).toBe(0);
  });

  it('a LlamaCloud project chosen by the browser is 400 before upstream', async () => {
    const { proxy, seen } = await multipartSetup('llamacloud');
    const answer = await call(
      proxy,
      'GET',
      '/api/v1/beta/files?project_id=11111111-2222-4333-8444-555555555555',
      { base: LC, admin: true },
    );
    expect(answer.status).toBe(400);
    expect(seen()).toBe(0);
  });
});

describe("a user's lists and the organisation's read budget", () => {
  it('each row of a filtered list is charged to the user’s read share: the next read waits (429)', async () => {
    const { proxy, seen } = await setup({ rateLimit: { perSecond: 1, burst: 3 } });
    for (let i = 0; i < 3; i++) await createAs(proxy, 'alice');
    const list = await call(proxy, 'GET', '/v1/files');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(3);
    const before = seen();
    const next = await call(proxy, 'GET', `/v1/files/${list.body.data[0].id}`);
    expect(next.status).toBe(429);
    expect(seen()).toBe(before);
  });
});
