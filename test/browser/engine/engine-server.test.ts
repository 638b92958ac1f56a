/**
 * The engine end to end in Chromium against the reference server: real XHR PUTs, the real MD5
 * Worker, server-side md5 verification, and faults injected through `/_control`.
 * Files are named uniquely per test and the server's log is filtered by this test's file ids.
 */
import { md5 as md5OneShot } from 'hash-wasm';
import { describe, expect, inject, it, vi } from 'vitest';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import type { Upload, UploadEngine, UploadEngineOptions } from '../../../src/core/upload/types.js';

const MiB = 1024 * 1024;
const url = inject('serverUrl');

interface LoggedRequest {
  method: string;
  route: string | null;
  status: number;
  startedAt: string;
  endedAt: string | null;
  fileId?: string;
}
interface ServerFile {
  id: string;
  status: string;
  originalFilename: string;
  md5: string | null;
}

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/_control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`/_control/${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
const addFaults = (...faults: object[]) => control('faults', { faults });
const serverFiles = () => control<{ files: ServerFile[] }>('files').then((r) => r.files);
const requestLog = () => control<{ requests: LoggedRequest[] }>('requests').then((r) => r.requests);

let seq = 0;
function randomFile(size: number, label: string): { file: File; data: Uint8Array } {
  const data = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536)
    crypto.getRandomValues(data.subarray(offset, Math.min(size, offset + 65_536)));
  seq += 1;
  return {
    file: new File([data], `engine-${label}-${Date.now()}-${seq}.bin`, {
      type: 'application/octet-stream',
    }),
    data,
  };
}

function makeEngine(options: Partial<UploadEngineOptions> = {}): UploadEngine {
  const client = createLightfieldClient({
    baseURL: url,
    headers: { Authorization: 'Bearer sk_test' },
    retryBaseDelayMs: 50,
  });
  return createUploadEngine({
    backend: client.backend,
    retry: { attempts: 3, baseDelayMs: 100 },
    ...options,
  });
}

function settled(engine: UploadEngine, localIds: string[]): Promise<Upload[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const uploads = engine.getSnapshot().uploads.filter((u) => localIds.includes(u.localId));
      if (!uploads.every((u) => ['completed', 'failed', 'cancelled', 'rejected'].includes(u.phase)))
        return false;
      resolve(uploads);
      return true;
    };
    if (check()) return;
    const stop = engine.subscribe(() => {
      if (check()) stop();
    });
  });
}

describe('upload engine against the reference server', () => {
  it('uploads a multi-MiB file; the server verifies the same MD5', async () => {
    const { file, data } = randomFile(32 * MiB, 'happy');
    const engine = makeEngine();
    const started = performance.now();
    const [upload] = await settled(engine, engine.add([file]));
    const seconds = (performance.now() - started) / 1000;
    expect(upload!.error).toBeUndefined();
    expect(upload!.phase).toBe('completed');
    const expected = await md5OneShot(data);
    expect(upload!.md5).toBe(expected);
    const stored = (await serverFiles()).find((f) => f.id === upload!.serverFile!.id)!;
    expect(stored).toMatchObject({ status: 'COMPLETED', md5: expected });
    console.log(
      `[figure] engine upload of 32 MiB (PUT + worker MD5 + complete): ${(32 / seconds).toFixed(0)} MiB/s (${(seconds * 1000).toFixed(0)} ms)`,
    );
  });

  it('cancel during the PUT: the server shows CANCELLED and no complete is sent', async () => {
    await addFaults({ route: 'put', throttleBytesPerSecond: 2 * MiB });
    const { file } = randomFile(8 * MiB, 'cancel');
    const engine = makeEngine();
    const [id] = engine.add([file]);
    await new Promise<void>((resolve) => {
      const stop = engine.subscribe(() => {
        const upload = engine.getSnapshot().uploads[0]!;
        if (upload.phase === 'uploading' && upload.progress.loaded > 0) {
          stop();
          resolve();
        }
      });
    });
    const fileId = engine.getSnapshot().uploads[0]!.serverFile!.id;
    engine.cancel(id!);
    expect(engine.getSnapshot().uploads[0]!.phase).toBe('cancelled');
    await vi.waitFor(
      async () =>
        expect((await serverFiles()).find((f) => f.id === fileId)?.status).toBe('CANCELLED'),
      { timeout: 5000, interval: 50 },
    );
    // The state changes before the answer's head is written: wait for the answer too.
    await vi.waitFor(
      async () => {
        const log = (await requestLog()).filter((r) => r.fileId === fileId);
        expect(log.filter((r) => r.route === 'cancel' && r.method === 'POST')).toMatchObject([
          { status: 200 },
        ]);
      },
      { timeout: 5000, interval: 50 },
    );
    const log = (await requestLog()).filter((r) => r.fileId === fileId);
    expect(log.some((r) => r.route === 'complete' && r.method === 'POST')).toBe(false);
  });

  it('recovers from a 503 on create, a PUT dropped mid-body and a 429 with Retry-After on complete', async () => {
    // The engine is the one retry layer of its steps: 3 tries each, every one on the wire.
    await addFaults(
      { route: 'create', status: 503, times: 2 },
      { route: 'put', dropAfterBytes: MiB },
      { route: 'complete', status: 429, retryAfter: 1, times: 2 },
    );
    const { file, data } = randomFile(4 * MiB, 'faults');
    const engine = makeEngine();
    const [upload] = await settled(engine, engine.add([file]));
    expect(upload!.error).toBeUndefined();
    expect(upload!.phase).toBe('completed');
    // 2 creates and 2 completes repeated, and the dropped PUT unless Chromium resent it itself.
    expect(upload!.attempts).toBeGreaterThanOrEqual(4);
    const fileId = upload!.serverFile!.id;
    expect((await serverFiles()).find((f) => f.id === fileId)).toMatchObject({
      status: 'COMPLETED',
      md5: await md5OneShot(data),
    });
    const log = (await requestLog()).filter((r) => r.fileId === fileId);
    const puts = log.filter((r) => r.route === 'put' && r.method === 'PUT'); // not CORS preflights
    expect(puts.length).toBeGreaterThanOrEqual(2);
    const creates = (await requestLog()).filter(
      (r) => r.route === 'create' && r.method === 'POST' && r.status !== 200,
    );
    expect(creates.map((r) => r.status)).toEqual([503, 503]);
    const completes = log.filter((r) => r.route === 'complete' && r.method === 'POST');
    expect(completes.map((r) => r.status)).toEqual([429, 429, 200]);
    for (let i = 1; i < completes.length; i += 1) {
      const gap = Date.parse(completes[i]!.startedAt) - Date.parse(completes[i - 1]!.endedAt!);
      expect(gap).toBeGreaterThanOrEqual(950); // Retry-After: 1, honoured every time
    }
  });

  it('recovers from an expired session with a fresh one', async () => {
    await addFaults({ route: 'put', expire: true });
    const { file, data } = randomFile(2 * MiB, 'expiry');
    const engine = makeEngine();
    const [upload] = await settled(engine, engine.add([file]));
    expect(upload!.error).toBeUndefined();
    expect(upload!.phase).toBe('completed');
    const mine = (await serverFiles()).filter((f) => f.originalFilename === file.name);
    expect(mine.map((f) => f.status).sort()).toEqual(['COMPLETED', 'EXPIRED']);
    expect(mine.find((f) => f.status === 'COMPLETED')).toMatchObject({
      id: upload!.serverFile!.id,
      md5: await md5OneShot(data),
    });
  });

  it('never has more PUTs in flight than the concurrency cap, as the server saw it', async () => {
    await addFaults({ route: 'put', throttleBytesPerSecond: 8 * MiB, times: 6 });
    const files = Array.from({ length: 6 }, (_, i) => randomFile(MiB, `cap${i}`).file);
    const engine = makeEngine({ concurrency: 2 });
    const uploads = await settled(engine, engine.add(files));
    expect(uploads.map((u) => u.phase)).toEqual(Array(6).fill('completed'));
    const ids = new Set(uploads.map((u) => u.serverFile!.id));
    const puts = (await requestLog()).filter(
      (r) => r.route === 'put' && r.method === 'PUT' && r.fileId && ids.has(r.fileId),
    );
    expect(puts).toHaveLength(6);
    const events = puts.flatMap((r) => [
      { at: Date.parse(r.startedAt), delta: 1 },
      { at: Date.parse(r.endedAt!), delta: -1 },
    ]);
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let inFlight = 0;
    let most = 0;
    for (const event of events) {
      inFlight += event.delta;
      most = Math.max(most, inFlight);
    }
    expect(most).toBe(2);
  });
});
