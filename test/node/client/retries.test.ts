import { createServer } from 'node:net';
import axios from 'axios';
import { describe, expect, it, vi } from 'vitest';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import { type Harness, rejection, startHarnessPerTest } from './harness.js';

let h: Harness;
startHarnessPerTest((started) => {
  h = started;
});

const file = { filename: 'r.txt', mimeType: 'text/plain', sizeBytes: 1 };
const ms = (iso: string | null) => Date.parse(iso!);

/** Waits between one answer and the next attempt, as the server saw them. */
function gaps(route: string): number[] {
  const entries = h.server.requests().filter((entry) => entry.route === route);
  return entries.slice(1).map((entry, i) => ms(entry.startedAt) - ms(entries[i]!.endedAt));
}

describe('retries', () => {
  it('retries a 503 with exponential backoff and one Idempotency-Key for the logical create', async () => {
    h.server.faults.add({ route: 'create', status: 503, times: 2 });
    const session = await h.client({ retryBaseDelayMs: 100 }).files.create(file);
    const creates = h.server.requests().filter((entry) => entry.route === 'create');
    expect(creates.map((entry) => entry.status)).toEqual([503, 503, 200]);
    const keys = new Set(creates.map((entry) => entry.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = gaps('create');
    // 100 ms · 2ⁿ, jittered down by at most a quarter; 2 ms for timestamp rounding.
    expect(first).toBeGreaterThanOrEqual(73);
    expect(second).toBeGreaterThanOrEqual(148);
    expect(second).toBeGreaterThan(first! * 1.3);
    await expect(h.client().files.retrieve(session.id)).resolves.toMatchObject({
      status: 'PENDING',
    });
    expect(h.server.requests().filter((e) => e.route === 'list')).toHaveLength(0);
  });

  it('gives every logical call its own key, and reuses it on complete and cancel retries', async () => {
    const client = h.client();
    const a = await client.files.create(file);
    const b = await client.files.create(file);
    h.server.faults.add({ route: 'cancel', status: 500 });
    await client.files.cancel(a.id);
    h.server.faults.add({ route: 'complete', status: 504 });
    await rejection(client.files.complete(b.id));
    const keyOf = (route: string) =>
      h.server
        .requests()
        .filter((e) => e.route === route)
        .map((e) => e.headers['idempotency-key']);
    const [createA, createB] = keyOf('create');
    expect(createA).not.toBe(createB);
    const cancels = keyOf('cancel');
    expect(cancels).toHaveLength(2);
    expect(cancels[0]).toBe(cancels[1]);
    const completes = keyOf('complete');
    expect(completes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(completes).size).toBe(1);
    expect(new Set([createA, createB, cancels[0], completes[0]]).size).toBe(4);
  });

  it('honours Retry-After (seconds) on a 429', async () => {
    h.server.faults.add({ route: 'list', status: 429, retryAfter: 1 });
    const started = Date.now();
    await expect(h.client({ retryBaseDelayMs: 10 }).files.list()).resolves.toMatchObject({
      object: 'list',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(gaps('list')[0]).toBeGreaterThanOrEqual(998);
  });

  it("prefers Retry-After-Ms from the server's own rate limiter", async () => {
    h.server.setConfig({ rateLimit: { perSecond: 2 } });
    const client = h.client({ retryBaseDelayMs: 10 });
    await Promise.all([client.files.list(), client.files.list(), client.files.list()]);
    const lists = h.server.requests().filter((e) => e.route === 'list');
    expect(lists.map((e) => e.status).sort()).toEqual([200, 200, 200, 429]);
    const refused = lists.findIndex((e) => e.status === 429);
    const wait = ms(lists[refused + 1]!.startedAt) - ms(lists[refused]!.endedAt);
    // Retry-After says 1 s (rounded up); Retry-After-Ms says about 500 ms, and wins.
    expect(wait).toBeGreaterThanOrEqual(400);
    expect(wait).toBeLessThan(950);
  });

  it('gives up after maxRetries and reports the last failure', async () => {
    h.server.faults.add({ route: 'retrieve', status: 503, times: 5 });
    const error = await rejection(h.client({ maxRetries: 2 }).files.retrieve('fil_x'));
    expect(error).toMatchObject({ code: 'service_unavailable', status: 503, retryable: true });
    expect(h.server.requests().filter((e) => e.route === 'retrieve')).toHaveLength(3);
  });

  it('retries a 408 and GETs carry no Idempotency-Key', async () => {
    h.server.faults.add({ route: 'list', status: 408 });
    await h.client().files.list();
    const lists = h.server.requests().filter((e) => e.route === 'list');
    expect(lists.map((e) => e.status)).toEqual([408, 200]);
    expect(lists.every((e) => e.headers['idempotency-key'] === undefined)).toBe(true);
    h.exchanges.length = 0; // 408 is not a documented answer
  });

  it('makes one attempt with maxRetries 0', async () => {
    h.server.faults.add({ route: 'list', status: 500 });
    await expect(h.client({ maxRetries: 0 }).files.list()).rejects.toMatchObject({
      code: 'internal_server_error',
    });
    expect(h.server.requests()).toHaveLength(1);
  });
});

describe('abort, timeout, no connection', () => {
  it('aborts a request in flight → aborted, never retried', async () => {
    h.server.faults.add({ route: 'retrieve', delayMs: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = rejection(h.client().files.retrieve('fil_x', { signal: controller.signal }));
    await vi.waitFor(() => expect(h.server.requests()).toHaveLength(1));
    controller.abort();
    await expect(pending).resolves.toMatchObject({ code: 'aborted', retryable: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.server.requests()).toHaveLength(1);
  });

  it('aborts the wait between retries → aborted at once', async () => {
    h.server.faults.add({ route: 'list', status: 503, retryAfter: 30 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = rejection(h.client().files.list(undefined, { signal: controller.signal }));
    await vi.waitFor(() => expect(h.server.requests()[0]?.status).toBe(503));
    controller.abort();
    await expect(pending).resolves.toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.server.requests()).toHaveLength(1);
  });

  it('sends nothing for an already aborted signal', async () => {
    const error = await rejection(h.client().files.create(file, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'aborted' });
    expect(h.server.requests()).toHaveLength(0);
  });

  it('times out a slow answer → timeout, retried', async () => {
    h.server.faults.add({ route: 'retrieve', delayMs: 10_000, times: 2 });
    const error = await rejection(
      h.client({ timeoutMs: 150, maxRetries: 1 }).files.retrieve('fil_x'),
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toContain('150 ms');
    await vi.waitFor(() => expect(h.server.requests().map((e) => e.status)).toEqual([0, 0]));
  });

  it('reports a refused connection as network, after retrying it', async () => {
    const port = await closedPort();
    const instance = axios.create();
    let attempts = 0;
    instance.interceptors.request.use((config) => {
      attempts += 1;
      return config;
    });
    const client = createLightfieldClient({
      baseURL: `http://127.0.0.1:${port}`,
      maxRetries: 2,
      retryBaseDelayMs: 5,
      axios: instance,
    });
    const error = await rejection(client.files.list());
    expect(error).toMatchObject({ code: 'network', retryable: true, status: undefined });
    expect(error.message).toContain('ECONNREFUSED');
    expect(attempts).toBe(3);
  });
});

/** A port that was just free: nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
