import { describe, expect, it, vi } from 'vitest';
import { sessionOf } from '../../support/fake-backend.js';
import type { TransferProgress } from '../../../src/core/backend.js';
import { putToStorage } from '../../../src/core/transfer/put.js';
import { type Harness, rejection, startHarnessPerTest } from './harness.js';

let h: Harness;
startHarnessPerTest((started) => {
  h = started;
});

const puts = () => h.server.requests().filter((entry) => entry.route === 'put');

async function session(size: number, purpose?: 'knowledge_user', filename = 'p.txt') {
  return h.client().files.create({ filename, mimeType: 'text/plain', sizeBytes: size, purpose });
}

describe('the storage PUT', () => {
  it('sends exactly the issued headers and no API headers', async () => {
    const s = await session(5, 'knowledge_user');
    // A Blob typed differently from the session: the issued Content-Type must still win.
    await putToStorage({
      url: s.uploadUrl,
      headers: s.uploadHeaders,
      body: new Blob(['hello'], { type: 'application/x-other' }),
    });
    const [put] = puts();
    expect(put!.status).toBe(200);
    expect(put!.headers['content-type']).toBe('text/plain');
    expect(put!.headers['if-none-match']).toBe('*');
    for (const name of [
      'authorization',
      'lightfield-version',
      'accept',
      'idempotency-key',
      'x-xsrf-token',
    ]) {
      expect(put!.headers).not.toHaveProperty(name);
    }
  });

  it('adds no Content-Type of its own when storage issued none', async () => {
    const s = await session(3);
    const headersWithout = Object.fromEntries(
      Object.entries(s.uploadHeaders).filter(([k]) => k !== 'content-type'),
    );
    const error = await rejection(
      putToStorage({ url: s.uploadUrl, headers: headersWithout, body: new Blob(['abc']) }),
    );
    // The reference server demands its signed content-type: dropping it is refused, and nothing filled it in.
    expect(error).toMatchObject({
      code: 'storage-rejected',
      status: 403,
      serverCode: 'signed_header_mismatch',
    });
    expect(puts()[0]!.headers).not.toHaveProperty('content-type');
  });

  it('reports progress up to the full size', async () => {
    const size = 3 * 1024 * 1024;
    const s = await session(size);
    const events: TransferProgress[] = [];
    await putToStorage({
      url: s.uploadUrl,
      headers: s.uploadHeaders,
      body: new Blob([new Uint8Array(size)]),
      onProgress: (p) => events.push(p),
    });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)).toEqual({ loaded: size, total: size });
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  });

  it('maps a forged token to storage-rejected', async () => {
    const s = await session(3);
    const forged = s.uploadUrl.replace(
      /token=([^&]+)/,
      (_m, token: string) => `token=${token.slice(0, -2)}xx`,
    );
    const error = await rejection(
      putToStorage({ url: forged, headers: s.uploadHeaders, body: new Blob(['abc']) }),
    );
    expect(error).toMatchObject({
      code: 'storage-rejected',
      status: 403,
      serverCode: 'invalid_signature',
      retryable: false,
    });
  });

  it('maps an expired session to upload-expired', async () => {
    const s = await session(3);
    h.server.faults.add({ route: 'put', expire: true });
    const error = await rejection(
      putToStorage({ url: s.uploadUrl, headers: s.uploadHeaders, body: new Blob(['abc']) }),
    );
    expect(error).toMatchObject({ code: 'upload-expired', status: 403, retryable: false });
  });

  it('maps a knowledge name collision (412) to conflict', async () => {
    const client = h.client();
    const first = await session(3, 'knowledge_user', 'same.txt');
    await sessionOf(client.backend).put(first, new Blob(['abc']));
    await client.files.complete(first.id);
    const second = await session(3, 'knowledge_user', 'same.txt');
    const error = await rejection(sessionOf(client.backend).put(second, new Blob(['abc'])));
    expect(error).toMatchObject({
      code: 'conflict',
      status: 412,
      serverCode: 'name_collision',
      retryable: false,
    });
  });

  it('makes one attempt: a 503 is reported retryable, for the engine to repeat', async () => {
    const s = await session(3);
    h.server.faults.add({ route: 'put', status: 503, retryAfter: 2 });
    const error = await rejection(
      putToStorage({ url: s.uploadUrl, headers: s.uploadHeaders, body: new Blob(['abc']) }),
    );
    expect(error).toMatchObject({
      code: 'service_unavailable',
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(puts()).toHaveLength(1);
  });

  it('maps a connection dropped mid-body to network', async () => {
    const size = 256 * 1024;
    const s = await session(size);
    h.server.faults.add({ route: 'put', dropAfterBytes: 1024 });
    const error = await rejection(
      putToStorage({
        url: s.uploadUrl,
        headers: s.uploadHeaders,
        body: new Blob([new Uint8Array(size)]),
      }),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true });
  });

  it('aborts mid-PUT → aborted', async () => {
    // Small enough that the server, which reads what the kernel already buffered at the
    // throttled pace before it sees the close, is done within ~2 s.
    const size = 512 * 1024;
    const s = await session(size);
    h.server.faults.add({ route: 'put', throttleBytesPerSecond: 256 * 1024 });
    const controller = new AbortController();
    const pending = rejection(
      putToStorage({
        url: s.uploadUrl,
        headers: s.uploadHeaders,
        body: new Blob([new Uint8Array(size)]),
        signal: controller.signal,
      }),
    );
    await vi.waitFor(() => expect(puts()).toHaveLength(1));
    controller.abort();
    await expect(pending).resolves.toMatchObject({ code: 'aborted', retryable: false });
    await expect(h.client().files.retrieve(s.id)).resolves.toMatchObject({ status: 'PENDING' });
    await vi.waitFor(() => expect(puts()[0]!.endedAt).not.toBeNull(), { timeout: 5_000 });
    expect(puts()[0]!.status).toBe(0);
  });

  it("passes the session deadline through the backend's put", async () => {
    const s = await session(3);
    h.server.faults.add({ route: 'put', status: 403 });
    const error = await rejection(
      sessionOf(h.client().backend).put(
        { ...s, expiresAt: '2000-01-01T00:00:00.000Z' },
        new Blob(['abc']),
      ),
    );
    expect(error).toMatchObject({ code: 'upload-expired', status: 403 });
  });
});
