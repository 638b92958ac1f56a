/**
 * The storage PUT from a real browser (XHR through axios), against the reference server. Other
 * browser test files share that server (one file at a time), so this file reads only its own
 * entries of the request log (by file id), clears faults another file may have left armed, and
 * never resets the server.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessionOf } from '../../support/fake-backend.js';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import type { TransferProgress } from '../../../src/core/backend.js';
import type { FiledockError } from '../../../src/core/errors.js';
import { putToStorage } from '../../../src/core/transfer/put.js';

const serverUrl = inject('serverUrl');
const client = createLightfieldClient({
  baseURL: serverUrl,
  headers: { Authorization: 'Bearer sk_lf_browser' },
});
const MiB = 1024 * 1024;

interface LogEntry {
  method: string;
  route: string | null;
  path: string;
  status: number;
  headers: Record<string, string>;
  endedAt: string | null;
}

async function putsOf(fileId: string): Promise<LogEntry[]> {
  const response = await fetch(`${serverUrl}/_control/requests`);
  const { requests } = (await response.json()) as { requests: LogEntry[] };
  return requests.filter(
    (entry) => entry.method === 'PUT' && entry.route === 'put' && entry.path.includes(fileId),
  );
}

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${serverUrl}/_control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults: [fault] }),
  });
  expect(response.status).toBe(200);
}

const clearFaults = async () => {
  expect((await fetch(`${serverUrl}/_control/faults`, { method: 'DELETE' })).status).toBe(200);
};
beforeAll(clearFaults);
afterAll(clearFaults);

const bytes = (size: number, type = 'text/plain') =>
  new Blob([new Uint8Array(size).fill(97)], { type });

describe('the storage PUT in a real browser', () => {
  it('sends exactly the issued headers: no Authorization, no Lightfield-Version, no axios Accept', async () => {
    const session = await client.files.create({
      filename: 'b.md',
      mimeType: 'text/markdown',
      sizeBytes: 4,
      purpose: 'knowledge_user',
    });
    // A Blob typed differently: the issued Content-Type must still be what goes out.
    await putToStorage({
      url: session.uploadUrl,
      headers: session.uploadHeaders,
      body: new Blob(['abcd'], { type: 'text/plain' }),
    });
    const [put] = await putsOf(session.id);
    expect(put!.status).toBe(200);
    expect(put!.headers['content-type']).toBe('text/markdown');
    expect(put!.headers['if-none-match']).toBe('*');
    for (const name of ['authorization', 'lightfield-version', 'idempotency-key', 'x-xsrf-token']) {
      expect(put!.headers).not.toHaveProperty(name);
    }
    // XHR's own default is `*/*` (a browser header, like User-Agent); axios' would be
    // `application/json, text/plain, */*`.
    expect(put!.headers.accept ?? '*/*').toBe('*/*');
    await expect(client.files.complete(session.id)).resolves.toMatchObject({ status: 'COMPLETED' });
  });

  it('reports progress for a multi-MiB Blob, ending at the full size', async () => {
    // Loopback socket buffers can swallow several MiB at once (one progress event for all of
    // it), so send more than they hold and pace the server's reading.
    const size = 16 * MiB;
    const session = await client.files.create({
      filename: 'big.txt',
      mimeType: 'text/plain',
      sizeBytes: size,
    });
    await addFault({ route: 'put', fileId: session.id, throttleBytesPerSecond: 8 * MiB });
    const events: TransferProgress[] = [];
    await sessionOf(client.backend).put(session, bytes(size), {
      onProgress: (p) => events.push(p),
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.some((e) => e.loaded > 0 && e.loaded < size)).toBe(true);
    expect(events.at(-1)).toEqual({ loaded: size, total: size });
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect((await putsOf(session.id))[0]!.status).toBe(200);
  });

  it('aborts mid-PUT → aborted, and the session stays PENDING', async () => {
    const size = 8 * MiB;
    const session = await client.files.create({
      filename: 'abort.txt',
      mimeType: 'text/plain',
      sizeBytes: size,
    });
    await addFault({ route: 'put', fileId: session.id, throttleBytesPerSecond: 2 * MiB });
    const controller = new AbortController();
    const seen: TransferProgress[] = [];
    const outcome = await putToStorage({
      url: session.uploadUrl,
      headers: session.uploadHeaders,
      body: bytes(size),
      signal: controller.signal,
      // The first progress event, whatever it says: the browser may report every byte handed to
      // the socket at once, while the server, throttled to 2 MiB/s, is seconds from the end.
      onProgress: (progress) => {
        seen.push(progress);
        controller.abort();
      },
    }).then(
      () => undefined,
      (error: unknown) => error as FiledockError,
    );
    expect(outcome).toMatchObject({ code: 'aborted', retryable: false });
    expect(seen).toHaveLength(1); // nothing reported after the abort
    await expect(client.files.retrieve(session.id)).resolves.toMatchObject({ status: 'PENDING' });
    await expect
      .poll(async () => (await putsOf(session.id))[0]?.endedAt, { timeout: 10_000 })
      .not.toBeNull();
    expect((await putsOf(session.id))[0]!.status).toBe(0);
  });

  it('adds no Content-Type of its own when storage issued none, whatever the Blob type', async () => {
    const session = await client.files.create({
      filename: 'n.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    // Storage that signs no Content-Type: send none, even though the Blob has a type. (The
    // reference server did issue one, so it refuses; what matters is what went out.)
    await expect(
      putToStorage({ url: session.uploadUrl, headers: {}, body: bytes(3, 'application/pdf') }),
    ).rejects.toMatchObject({
      code: 'storage-rejected',
    });
    const [put] = await putsOf(session.id);
    expect(put!.headers).not.toHaveProperty('content-type');
  });

  it('maps a refused PUT (forged signature) to storage-rejected', async () => {
    const session = await client.files.create({
      filename: 'f.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    const forged = session.uploadUrl.replace(
      /token=([^&]+)/,
      (_m, token: string) => `token=${token.slice(0, -2)}xx`,
    );
    await expect(
      putToStorage({ url: forged, headers: session.uploadHeaders, body: bytes(3) }),
    ).rejects.toMatchObject({
      code: 'storage-rejected',
      status: 403,
    });
  });
});
