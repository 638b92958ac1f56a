import { describe, expect, it, vi } from 'vitest';
import { errorOf, startServer } from './helpers.js';

const body = { filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 3 };

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same key and body', async () => {
    const { api, server } = await startServer({ control: true });
    const first = await api('POST', '/v1/files', { body, headers: { 'idempotency-key': 'k1' } });
    const again = await api('POST', '/v1/files', {
      body: { sizeBytes: 3, mimeType: 'text/plain', filename: 'a.txt' },
      headers: { 'idempotency-key': 'k1' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const files = await (await fetch(`${server.url}/_control/files`)).json();
    expect(files.files).toHaveLength(1);
  });

  it('replays refusals too, but scopes keys per API key and path', async () => {
    const { api } = await startServer();
    const headers = { 'idempotency-key': 'same' };
    const refused = await api('POST', '/v1/files/fil_a/cancel', { body: {}, headers });
    expect(refused.status).toBe(404);
    expect(
      (await api('POST', '/v1/files/fil_a/cancel', { body: {}, headers })).headers.get(
        'idempotent-replayed',
      ),
    ).toBe('true');
    expect((await api('POST', '/v1/files', { body, headers })).status).toBe(200);
    expect(
      (await api('POST', '/v1/files', { body, headers, token: 'other' })).headers.get(
        'idempotent-replayed',
      ),
    ).toBeNull();
  });

  it('refuses the key with a different body (422)', async () => {
    const { api } = await startServer();
    await api('POST', '/v1/files', { body, headers: { 'idempotency-key': 'k2' } });
    const reused = await api('POST', '/v1/files', {
      body: { ...body, sizeBytes: 4 },
      headers: { 'idempotency-key': 'k2' },
    });
    expect(reused.status).toBe(422);
    expect(errorOf(reused)).toMatchObject({
      type: 'unprocessable_content',
      code: 'idempotency_key_reused',
      param: 'Idempotency-Key',
    });
  });

  it('answers 409 to a concurrent duplicate while the first is running', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'create', delayMs: 300 });
    const headers = { 'idempotency-key': 'k3' };
    const first = api('POST', '/v1/files', { body, headers });
    // The fault is taken only after the key is reserved.
    await vi.waitFor(() => expect(server.faults.list()).toHaveLength(0), { interval: 5 });
    const duplicate = await api('POST', '/v1/files', { body, headers });
    expect(duplicate.status).toBe(409);
    expect(errorOf(duplicate)).toMatchObject({ type: 'conflict', code: 'idempotency_conflict' });
    const done = await first;
    expect(done.status).toBe(200);
    expect((await api('POST', '/v1/files', { body, headers })).body.id).toBe(done.body.id);
  });

  it('does not store server failures, so a retry runs again', async () => {
    const { api, server } = await startServer();
    server.faults.add({ route: 'create', status: 503 });
    const headers = { 'idempotency-key': 'k4' };
    expect((await api('POST', '/v1/files', { body, headers })).status).toBe(503);
    const retried = await api('POST', '/v1/files', { body, headers });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key longer than 255 characters', async () => {
    const { api } = await startServer();
    expect(
      (await api('POST', '/v1/files', { body, headers: { 'idempotency-key': 'k'.repeat(255) } }))
        .status,
    ).toBe(200);
    const long = await api('POST', '/v1/files', {
      body,
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    expect(long.status).toBe(400);
    expect(errorOf(long).code).toBe('invalid_idempotency_key');
  });
});
