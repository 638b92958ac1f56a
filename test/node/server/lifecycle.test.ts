import { describe, expect, it } from 'vitest';
import { createSession, errorOf, md5, putBytes, startServer } from './helpers.js';

const DATA = 'hello world';

describe('complete', () => {
  it('refuses before any bytes arrived', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    const answer = await api('POST', `/v1/files/${session.id}/complete`, { body: {} });
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toMatchObject({ type: 'conflict', code: 'upload_incomplete' });
  });

  it('refuses an md5 that is not lower-case hex', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    const answer = await api('POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5(DATA).toUpperCase() },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'invalid_md5', param: 'md5' });
  });

  it('refuses a wrong md5 and leaves the file PENDING, then accepts the right one', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    const wrong = await api('POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5('other bytes') },
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong)).toMatchObject({
      type: 'bad_request',
      code: 'checksum_mismatch',
      param: 'md5',
    });
    expect((await api('GET', `/v1/files/${session.id}`)).body.status).toBe('PENDING');
    const right = await api('POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5(DATA) },
    });
    expect(right.body.status).toBe('COMPLETED');
  });

  it('refuses a second complete', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    await api('POST', `/v1/files/${session.id}/complete`, {});
    const again = await api('POST', `/v1/files/${session.id}/complete`, {});
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('invalid_status');
  });

  it('accepts a bare POST without a body', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    expect((await api('POST', `/v1/files/${session.id}/complete`)).status).toBe(200);
  });
});

describe('cancel', () => {
  it('cancels a PENDING file once; afterwards 409', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    const cancelled = await api('POST', `/v1/files/${session.id}/cancel`, { body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      expiresAt: null,
      completedAt: null,
    });
    const again = await api('POST', `/v1/files/${session.id}/cancel`);
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ type: 'conflict', code: 'invalid_status' });
    expect(errorOf(await api('POST', `/v1/files/${session.id}/complete`)).code).toBe(
      'invalid_status',
    );
  });

  it('refuses to cancel a COMPLETED file', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    await putBytes(session, DATA);
    await api('POST', `/v1/files/${session.id}/complete`);
    const answer = await api('POST', `/v1/files/${session.id}/cancel`);
    expect(answer.status).toBe(409);
    expect(errorOf(answer).code).toBe('invalid_status');
  });
});

describe('expiry', () => {
  it('reads a PENDING session past expiresAt as EXPIRED everywhere, and refuses changes', async () => {
    const { api, clock } = await startServer({ sessionTtlMs: 10_000 });
    const session = await createSession(api);
    await putBytes(session, DATA);
    clock.advance(9_999);
    expect((await api('GET', `/v1/files/${session.id}`)).body.status).toBe('PENDING');
    clock.advance(1);
    const retrieved = await api('GET', `/v1/files/${session.id}`);
    expect(retrieved.body).toMatchObject({ status: 'EXPIRED', expiresAt: null });
    expect((await api('GET', '/v1/files')).body.data[0]).toMatchObject({
      status: 'EXPIRED',
      expiresAt: null,
    });
    const complete = await api('POST', `/v1/files/${session.id}/complete`, {
      body: { md5: md5(DATA) },
    });
    expect(complete.status).toBe(409);
    expect(errorOf(complete)).toMatchObject({ type: 'conflict', code: 'expired' });
    expect(errorOf(await api('POST', `/v1/files/${session.id}/cancel`)).code).toBe('expired');
    expect(errorOf(await api('GET', `/v1/files/${session.id}/url`)).code).toBe(
      'file_not_completed',
    );
  });

  it('applies a new sessionTtlMs to new sessions only', async () => {
    const { api, server } = await startServer({ sessionTtlMs: 10_000 });
    const before = await createSession(api);
    server.setConfig({ sessionTtlMs: 1_000 });
    const after = await createSession(api);
    expect(Date.parse(before.expiresAt) - Date.parse(before.createdAt)).toBe(10_000);
    expect(Date.parse(after.expiresAt) - Date.parse(after.createdAt)).toBe(1_000);
    expect(() => server.setConfig({ sessionTtlMs: -5 })).toThrow(/sessionTtlMs/);
  });
});

describe('url', () => {
  it('is refused for files that are not COMPLETED', async () => {
    const { api } = await startServer();
    const session = await createSession(api);
    const answer = await api('GET', `/v1/files/${session.id}/url`);
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toMatchObject({ type: 'conflict', code: 'file_not_completed' });
  });
});
