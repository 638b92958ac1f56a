/**
 * Bad answers from the API and storage, and bad networks, through FileUploader in Chromium.
 * Each one ends in a typed error on the item, with no page error, no session left PENDING,
 * and the next upload unaffected.
 */
import { describe, expect, inject, it } from 'vitest';
import { addFaults, requestLog } from '../chaos/control.js';
import {
  drop,
  expectOthersUnaffected,
  expectRefused,
  renderUploader,
  sessionsNamed,
} from './harness.js';

const file = (name: string) => new File(['hello'], name, { type: 'text/plain' });

/** Fails `name` on its first attempt and asserts the error code, the clean UI and the recovery. */
async function failsWith(name: string, code: string, reason?: RegExp): Promise<void> {
  drop(file(name));
  await expectRefused(name, 'failed', code, reason);
  expect((await sessionsNamed(name)).filter((s) => s.status === 'PENDING')).toEqual([]);
}

describe('malformed 200 answers from the API', () => {
  const kinds: Array<[string, string]> = [
    ['invalid JSON', 'invalid-json'],
    ['a body with missing fields', 'missing-fields'],
    ['fields of the wrong type', 'wrong-types'],
    ['an HTML error page', 'html'],
    ['a plain-text body', 'text'],
  ];
  it.each(kinds)('create answers %s → invalid-response', async (_label, malformed) => {
    renderUploader();
    await addFaults([{ route: 'create', malformed }]);
    await failsWith(`create-${malformed}.txt`, 'invalid-response');
    await expectOthersUnaffected({ name: `create-${malformed}.txt`, phase: 'failed' });
  });

  it('complete answers invalid JSON → invalid-response, and the session is cancelled, not left PENDING', async () => {
    renderUploader();
    await addFaults([{ route: 'complete', malformed: 'invalid-json' }]);
    await failsWith('complete-bad.txt', 'invalid-response');
    expect((await sessionsNamed('complete-bad.txt')).map((s) => s.status)).toEqual(['CANCELLED']);
    await expectOthersUnaffected({ name: 'complete-bad.txt', phase: 'failed' });
  });
});

describe('unexpected statuses and shapes (a second, misbehaving origin)', () => {
  const aux = () => inject('auxUrl');
  it('a negative sizeBytes in the create answer → invalid-response', async () => {
    renderUploader({ client: { baseURL: `${aux()}/negative` } });
    await failsWith('negative.txt', 'invalid-response');
  });
  it('418 → http-418', async () => {
    renderUploader({ client: { baseURL: `${aux()}/teapot` } });
    await failsWith('teapot.txt', 'http-418', /teapot/);
  });
  it('302 to an HTML sign-in page → invalid-response (a redirect is never taken for an answer)', async () => {
    renderUploader({ client: { baseURL: `${aux()}/redirect` } });
    await failsWith('redirect.txt', 'invalid-response');
  });
  it('a 500 with a plain-text body → internal_server_error after the retries', async () => {
    renderUploader({ client: { baseURL: `${aux()}/text500`, maxRetries: 0 } });
    await failsWith('text500.txt', 'internal_server_error', /problem/);
  });
  it('an uploadUrl on another origin that refuses CORS → network', async () => {
    renderUploader({ client: { baseURL: `${aux()}/nocors` } });
    await failsWith('nocors.txt', 'network');
  });
});

describe('API and storage refusals from the reference server', () => {
  it('a storage 403 on the PUT → storage-rejected, session CANCELLED', async () => {
    renderUploader();
    await addFaults([{ route: 'put', status: 403 }]);
    await failsWith('put403.txt', 'storage-rejected', /Storage refused/);
    expect((await sessionsNamed('put403.txt')).map((s) => s.status)).toEqual(['CANCELLED']);
    await expectOthersUnaffected({ name: 'put403.txt', phase: 'failed' });
  });
  it('a 503 that does not go away → service_unavailable', async () => {
    renderUploader({ client: { maxRetries: 0 } });
    await addFaults([{ route: 'create', status: 503, times: 10 }]);
    await failsWith('always503.txt', 'service_unavailable');
    await expectOthersUnaffected({ name: 'always503.txt', phase: 'failed' });
  });
  it('no API key → unauthorized', async () => {
    renderUploader({ client: { headers: {} } });
    await failsWith('nokey.txt', 'unauthorized');
  });
  it('a 400 on create (server-side validation) → bad_request, no retry', async () => {
    renderUploader();
    await addFaults([{ route: 'create', status: 400 }]);
    await failsWith('bad400.txt', 'bad_request');
    expect(
      (await requestLog()).filter((r) => r.route === 'create' && r.method === 'POST'),
    ).toHaveLength(1);
    await expectOthersUnaffected({ name: 'bad400.txt', phase: 'failed' });
  });
});

describe('bad networks', () => {
  it('an API that never answers in time → timeout', async () => {
    renderUploader({ client: { timeoutMs: 200, maxRetries: 0 } });
    await addFaults([{ route: 'create', delayMs: 5_000, times: 3 }]);
    await failsWith('slow.txt', 'timeout', /too long/);
    await expectOthersUnaffected({ name: 'slow.txt', phase: 'failed' });
  });
  it('a refused connection (closed port) → network', async () => {
    renderUploader({ client: { baseURL: inject('closedUrl'), maxRetries: 0 } });
    await failsWith('refused.txt', 'network', /connection/);
  });
  it('every PUT dropped mid-body → network, session CANCELLED', async () => {
    renderUploader();
    await addFaults([{ route: 'put', dropAfterBytes: 1, times: 12 }]);
    await failsWith('dropped.txt', 'network');
    expect((await sessionsNamed('dropped.txt')).map((s) => s.status)).toEqual(['CANCELLED']);
    await expectOthersUnaffected({ name: 'dropped.txt', phase: 'failed' });
  });
});
