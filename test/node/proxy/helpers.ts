/**
 * Proxy test helpers: a Lightfield reference server (closed after each test), a proxy in front of
 * it whose `authorize` reads a test header (`x-user`, `x-admin`), and a caller that goes through
 * `proxy.fetch` with a real Request, as a Next route handler would.
 */
import { afterEach } from 'vitest';
import {
  createFilesProxy,
  type FilesProxy,
  type FilesProxyOptions,
  type ProxyLogEvent,
} from '../../../src/proxy/index.js';
import {
  createDevServer,
  type DevServer,
  type DevServerOptions,
} from '../../../src/server/index.js';

export const API_KEY = 'sk_lf_proxy_secret_key';
export const APP = 'http://app.test';
export const BASE = '/api/lightfield';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Registers anything with `close()` to be closed after the test. */
export function closeAfter<T extends { close(): Promise<void> }>(thing: T): T {
  open.push(thing);
  return thing;
}

export async function startUpstream(options: DevServerOptions = {}): Promise<DevServer> {
  return closeAfter(
    await createDevServer({
      port: 0,
      rateLimit: false,
      control: true,
      apiKeys: [API_KEY],
      ...options,
    }),
  );
}

/** The app's session, for tests: `x-user` names the user, `x-admin: 1` makes them an admin. */
export const headerAuthorize: FilesProxyOptions['authorize'] = ({ request }) => {
  const id = request.headers.get('x-user');
  return id ? { id, admin: request.headers.get('x-admin') === '1' } : null;
};

export interface TestProxy {
  proxy: FilesProxy;
  logs: ProxyLogEvent[];
}

export function makeProxy(upstream: string, options: Partial<FilesProxyOptions> = {}): TestProxy {
  const logs: ProxyLogEvent[] = [];
  const proxy = createFilesProxy({
    api: 'lightfield',
    apiKey: API_KEY,
    basePath: BASE,
    upstream,
    authorize: headerAuthorize,
    rateLimit: false,
    logger: (event) => logs.push(event),
    ...options,
  });
  return { proxy, logs };
}

export interface CallInit {
  user?: string | null;
  admin?: boolean;
  body?: unknown;
  /** Raw body, sent as is. */
  raw?: BodyInit;
  headers?: Record<string, string>;
  base?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field; a schema per answer would restate the assertions.
  body: any;
  text: string;
}

export async function call(
  proxy: FilesProxy,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.user !== null) headers['x-user'] = init.user ?? 'alice';
  if (init.admin) headers['x-admin'] = '1';
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await proxy.fetch(
    new Request(`${APP}${init.base ?? BASE}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body, duplex: 'half' }),
    } as RequestInit),
  );
  return read(response);
}

export async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The API requests the reference server saw (storage PUTs and downloads left out). */
export function apiRequests(server: DevServer) {
  return server.requests().filter((r) => r.route !== 'put' && r.route !== 'download');
}

export const createBody = (over: Record<string, unknown> = {}) => ({
  filename: 'notes.txt',
  mimeType: 'text/plain',
  sizeBytes: 11,
  ...over,
});

/** Creates a file through the proxy as `user`; returns the create answer. */
export async function createAs(
  proxy: FilesProxy,
  user: string,
  over: Record<string, unknown> = {},
) {
  const answer = await call(proxy, 'POST', '/v1/files', { user, body: createBody(over) });
  if (answer.status !== 200) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** PUTs bytes straight to storage (the browser's leg, not through the proxy). */
export async function putTo(
  session: { uploadUrl: string; uploadHeaders: Record<string, string> },
  data: string | Uint8Array<ArrayBuffer>,
) {
  const res = await fetch(session.uploadUrl, {
    method: 'PUT',
    headers: session.uploadHeaders,
    body: data,
  });
  await res.arrayBuffer();
  return res.status;
}
