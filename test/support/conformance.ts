/**
 * The conformance scenarios: the same checks against every client (Lightfield, LlamaCloud, xAI),
 * each talking to its reference server, in Node (test/node/conformance) and in Chromium
 * (test/browser/conformance). Only `fetch` and the servers' `/_control` side door are used
 * besides the clients, so the file runs unchanged in both runtimes. Scenarios ask capabilities,
 * never the service's name, except to name the service's routes in faults.
 */
import { expect, vi } from 'vitest';
import type { FilesBackend, RemoteFile } from '../../src/core/backend.js';
import type { FiledockError } from '../../src/core/errors.js';
import { createLightfieldClient } from '../../src/core/lightfield/client.js';
import { createLlamaCloudClient } from '../../src/core/llamacloud/client.js';
import { createUploadEngine } from '../../src/core/upload/engine.js';
import type { Upload, UploadEngine } from '../../src/core/upload/types.js';
import { createXaiClient } from '../../src/core/xai/client.js';

export type ServiceName = 'lightfield' | 'llamacloud' | 'xai';

export interface Target {
  service: ServiceName;
  /** A label for the test names (e.g. `xai (management shape)`). */
  label: string;
  url: string;
}

const AUTH = { Authorization: 'Bearer sk_test' };

export function backendOf(target: Target, maxRetries = 2): FilesBackend {
  const options = { baseURL: target.url, headers: AUTH, retryBaseDelayMs: 10, maxRetries };
  if (target.service === 'llamacloud') return createLlamaCloudClient(options).backend;
  if (target.service === 'xai') return createXaiClient(options).backend;
  return createLightfieldClient(options).backend;
}

async function control<T>(target: Target, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.url}/_control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/_control/${path}: ${response.status}`);
  return (await response.json()) as T;
}

interface LoggedRequest {
  method: string;
  route: string | null;
  status: number;
  endedAt: string | null;
}

export const reset = (target: Target) => control(target, 'reset', {});
const addFaults = (target: Target, faults: object[]) => control(target, 'faults', { faults });
const requests = (target: Target) =>
  control<{ requests: LoggedRequest[] }>(target, 'requests').then((answer) => answer.requests);
const storedFiles = (target: Target) =>
  control<{ files: Array<{ id: string; status?: string }> }>(target, 'files').then(
    (answer) => answer.files,
  );
/** Requests to a route, CORS preflights left out. */
const routeCount = async (target: Target, route: string) =>
  (await requests(target)).filter((entry) => entry.route === route && entry.method !== 'OPTIONS')
    .length;

/** The route that carries the bytes: Lightfield's storage PUT, or the one-request upload. */
const bytesRoute = (backend: FilesBackend) =>
  backend.transfer.kind === 'session' ? 'put' : 'upload';

const MiB = 1024 * 1024;

/** Deterministic bytes of a given size. */
export function fileOf(name: string, size: number, type = 'text/plain'): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = 97 + (i % 26);
  return new File([bytes], name, { type });
}

function until(engine: UploadEngine, id: string, phases: Upload['phase'][]): Promise<Upload> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const upload = engine.getSnapshot().uploads.find((u) => u.localId === id);
      if (!upload || !phases.includes(upload.phase)) return false;
      resolve(upload);
      return true;
    };
    if (check()) return;
    const unsubscribe = engine.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}

/** Uploads one file through the engine (the path hooks take); resolves once it settles. */
async function uploadThroughEngine(
  backend: FilesBackend,
  file: File,
  onProgress?: (upload: Upload) => void,
): Promise<Upload> {
  const engine = createUploadEngine({ backend, retry: { baseDelayMs: 10 } });
  const [id] = engine.add([file]);
  if (!id) throw new Error('no upload');
  const unsubscribe = engine.subscribe(() => {
    const upload = engine.getSnapshot().uploads.find((u) => u.localId === id);
    if (upload) onProgress?.(upload);
  });
  try {
    return await until(engine, id, ['completed', 'failed', 'rejected', 'cancelled']);
  } finally {
    unsubscribe();
    engine.destroy();
  }
}

async function uploadDirectly(backend: FilesBackend, file: File): Promise<RemoteFile> {
  const params = { filename: file.name, mimeType: file.type, sizeBytes: file.size };
  if (backend.transfer.kind === 'direct') return backend.transfer.upload(file, params);
  const { transfer } = backend;
  const session = await transfer.create(params);
  await transfer.put(session, file);
  return transfer.complete(session.id, {});
}

async function errorOf(promise: Promise<unknown>): Promise<FiledockError> {
  try {
    await promise;
  } catch (error) {
    return error as FiledockError;
  }
  throw new Error('expected a rejection');
}

/** Every request the server saw has ended (no fire-and-forget call still under way). */
async function settled(target: Target): Promise<void> {
  await vi.waitFor(
    async () => expect((await requests(target)).every((r) => r.endedAt !== null)).toBe(true),
    { timeout: 10_000, interval: 50 },
  );
}

export interface Scenario {
  name: string;
  timeoutMs?: number;
  /** Only for backends this holds for (asked of the capabilities and transfer, as apps would). */
  appliesTo?: (backend: FilesBackend) => boolean;
  run(target: Target): Promise<void>;
}

/** Whether `scenario` runs against `target` (known before its server is up: no request is made). */
export const applies = (scenario: Scenario, target: Target): boolean =>
  scenario.appliesTo?.(backendOf({ ...target, url: target.url || 'http://127.0.0.1:9' })) ?? true;

export const scenarios: Scenario[] = [
  {
    name: 'uploads with progress, and the server has the file',
    async run(target) {
      const backend = backendOf(target);
      // Larger than the socket buffers, read slowly: progress must show the bytes on their way.
      const file = fileOf('progress.txt', 8 * MiB);
      await addFaults(target, [
        { route: bytesRoute(backend), throttleBytesPerSecond: 4 * MiB, times: 1 },
      ]);
      const seen: number[] = [];
      const upload = await uploadThroughEngine(backend, file, (u) => seen.push(u.progress.loaded));
      expect(upload.phase).toBe('completed');
      expect(seen.some((loaded) => loaded > 0 && loaded < file.size)).toBe(true);
      expect(upload.progress.loaded).toBe(file.size);
      const stored = await backend.retrieve(upload.serverFile?.id ?? '');
      expect(stored).toMatchObject({ filename: 'progress.txt', status: 'COMPLETED' });
      if (stored.sizeBytes !== undefined) expect(stored.sizeBytes).toBe(file.size);
    },
  },
  {
    name: 'cancels mid-upload and leaves nothing on the server',
    async run(target) {
      const backend = backendOf(target);
      const file = fileOf('cancel.txt', 8 * MiB);
      await addFaults(target, [
        { route: bytesRoute(backend), throttleBytesPerSecond: 1 * MiB, times: 1 },
      ]);
      const engine = createUploadEngine({ backend, retry: { baseDelayMs: 10 } });
      const [id] = engine.add([file]);
      if (!id) throw new Error('no upload');
      await vi.waitFor(
        () => {
          const upload = engine.getSnapshot().uploads.find((u) => u.localId === id);
          expect(upload?.progress.loaded ?? 0).toBeGreaterThan(0);
          expect(upload?.progress.loaded ?? 0).toBeLessThan(file.size);
        },
        { timeout: 10_000, interval: 20 },
      );
      engine.cancel(id);
      expect(engine.getSnapshot().uploads[0]?.phase).toBe('cancelled');
      await settled(target);
      await vi.waitFor(
        async () => {
          const live = (await storedFiles(target)).filter(
            (f) => f.status === undefined || f.status === 'PENDING' || f.status === 'COMPLETED',
          );
          expect(live).toEqual([]);
        },
        { timeout: 10_000, interval: 50 },
      );
      engine.destroy();
    },
  },
  {
    name: 'cancelled after its last byte left, a one-request upload is deleted once the service answers',
    appliesTo: (backend) => backend.transfer.kind === 'direct' && backend.capabilities.delete,
    async run(target) {
      const backend = backendOf(target);
      const file = fileOf('late.txt', 10 * 1024);
      // The service holds its answer: the bytes are all sent, the file not stored yet.
      await addFaults(target, [{ route: 'upload', delayMs: 1000, times: 1 }]);
      const engine = createUploadEngine({ backend, retry: { baseDelayMs: 10 } });
      const [id] = engine.add([file]);
      if (!id) throw new Error('no upload');
      await vi.waitFor(
        () => {
          const upload = engine.getSnapshot().uploads.find((u) => u.localId === id);
          expect(upload?.progress.loaded).toBe(file.size);
        },
        { timeout: 10_000, interval: 10 },
      );
      engine.cancel(id);
      await vi.waitFor(async () => expect(await routeCount(target, 'delete')).toBe(1), {
        timeout: 10_000,
        interval: 50,
      });
      await settled(target);
      expect(await storedFiles(target)).toEqual([]);
      expect(engine.getSnapshot().uploads[0]?.phase).toBe('cancelled');
      engine.destroy();
    },
  },
  {
    name: 'retries a 503 and a 429 after their Retry-After',
    async run(target) {
      const backend = backendOf(target);
      await addFaults(target, [
        { route: 'list', status: 503, retryAfter: 1, times: 1 },
        { route: 'retrieve', status: 429, retryAfter: 1, times: 1 },
      ]);
      const started = Date.now();
      await expect(backend.list({ limit: 5 })).resolves.toMatchObject({ data: [] });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(await routeCount(target, 'list')).toBe(2);
      const stored = await uploadDirectly(backend, fileOf('again.txt', 10));
      const before = Date.now();
      await expect(backend.retrieve(stored.id)).resolves.toMatchObject({ id: stored.id });
      expect(Date.now() - before).toBeGreaterThanOrEqual(950);
      expect(await routeCount(target, 'retrieve')).toBe(2);
    },
  },
  {
    name: 'the engine retries a 429 on the upload once, counting it in upload.attempts',
    async run(target) {
      const backend = backendOf(target);
      const route = backend.transfer.kind === 'session' ? 'create' : 'upload';
      await addFaults(target, [{ route, status: 429, retryAfter: 1, times: 1 }]);
      const upload = await uploadThroughEngine(backend, fileOf('limited.txt', 100));
      expect(upload.phase).toBe('completed');
      expect(upload.attempts).toBe(1);
      expect(await routeCount(target, route)).toBe(2);
    },
  },
  {
    name: 'survives a dropped connection',
    async run(target) {
      const backend = backendOf(target);
      const stored = await uploadDirectly(backend, fileOf('dropped.txt', 10));
      await addFaults(target, [
        { route: 'retrieve', drop: true, times: 1 },
        { route: 'list', drop: true, times: 1 },
      ]);
      await expect(backend.retrieve(stored.id)).resolves.toMatchObject({ id: stored.id });
      await expect(backend.list({ limit: 5 })).resolves.toMatchObject({
        data: [expect.objectContaining({ id: stored.id })],
      });
      // Chromium itself resends a request once when a reused connection drops before any
      // answer, so the fault outlasts that: without retries of its own the client then fails.
      const noRetries = backendOf(target, 0);
      await addFaults(target, [{ route: 'retrieve', drop: true, times: 3 }]);
      await expect(errorOf(noRetries.retrieve(stored.id))).resolves.toMatchObject({
        code: 'network',
        retryable: true,
      });
    },
  },
  {
    name: 'answers malformed on every endpoint → invalid-response',
    async run(target) {
      const backend = backendOf(target, 0);
      const stored = await uploadDirectly(backend, fileOf('shape.txt', 10));
      const file = fileOf('broken.txt', 10);
      const params = { filename: file.name, mimeType: file.type, sizeBytes: file.size };
      /** Each endpoint with a JSON answer, and the call that reaches it. */
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['retrieve', () => backend.retrieve(stored.id)],
        ['list', () => backend.list({ limit: 5 })],
      ];
      const { transfer } = backend;
      if (transfer.kind === 'session') {
        calls.push(['create', () => transfer.create(params)]);
        calls.push(['complete', () => transfer.complete(stored.id, {})]);
        calls.push(['cancel', () => backend.cancel?.(stored.id) ?? Promise.resolve()]);
        calls.push(['url', () => backend.downloadUrl?.(stored.id) ?? Promise.resolve()]);
      } else {
        calls.push(['upload', () => transfer.upload(file, params)]);
        if (backend.downloadUrl) {
          const { downloadUrl } = backend;
          calls.push(['content', () => downloadUrl(stored.id)]);
        }
      }
      for (const [route, call] of calls) {
        for (const malformed of ['invalid-json', 'missing-fields', 'html'] as const) {
          await addFaults(target, [{ route, malformed, times: 1 }]);
          const error = await errorOf(call());
          expect({ route, malformed, code: error.code }).toEqual({
            route,
            malformed,
            code: 'invalid-response',
          });
        }
      }
      if (backend.delete) {
        // Delete answers without a body (LlamaCloud: 204) or with a small JSON one (xAI):
        // a body that is not JSON at all is malformed either way.
        for (const malformed of ['invalid-json', 'html'] as const) {
          const victim = await uploadDirectly(backend, fileOf('victim.txt', 10));
          await addFaults(target, [{ route: 'delete', malformed, times: 1 }]);
          await expect(errorOf(backend.delete(victim.id))).resolves.toMatchObject({
            code: 'invalid-response',
          });
        }
      }
    },
  },
  {
    name: 'pages through 60 files forwards and backwards',
    timeoutMs: 60_000,
    async run(target) {
      const backend = backendOf(target);
      for (let i = 0; i < 60; i += 1)
        await uploadDirectly(backend, fileOf(`page-${String(i).padStart(2, '0')}.txt`, 5));
      const limit = 25;
      const forward: RemoteFile[][] = [];
      const cursors: Array<string | undefined> = [undefined];
      if (backend.capabilities.paging === 'offset') {
        for (let offset = 0; ; offset += limit) {
          const page = await backend.list({ limit, offset });
          expect(page.totalCount).toBe(60);
          forward.push(page.data);
          if (page.data.length < limit) break;
        }
      } else {
        for (;;) {
          const page = await backend.list({ limit, cursor: cursors.at(-1) });
          forward.push(page.data);
          if (!page.nextCursor) break;
          cursors.push(page.nextCursor);
        }
      }
      expect(forward.map((page) => page.length)).toEqual([25, 25, 10]);
      const ids = forward.flat().map((file) => file.id);
      expect(new Set(ids).size).toBe(60);
      // Backwards: each earlier page again, from the last one to the first, the same rows.
      for (let index = forward.length - 1; index >= 0; index -= 1) {
        const page =
          backend.capabilities.paging === 'offset'
            ? await backend.list({ limit, offset: index * limit })
            : await backend.list({ limit, cursor: cursors[index] });
        expect(page.data.map((file) => file.id)).toEqual(forward[index]?.map((file) => file.id));
      }
    },
  },
  {
    name: 'deletes where the service deletes, and offers no delete where it does not',
    async run(target) {
      const backend = backendOf(target);
      const stored = await uploadDirectly(backend, fileOf('gone.txt', 10));
      expect(typeof backend.delete === 'function').toBe(backend.capabilities.delete);
      if (!backend.delete) return;
      await backend.delete(stored.id);
      await expect(errorOf(backend.retrieve(stored.id))).resolves.toMatchObject({
        code: 'not_found',
      });
      await expect(backend.list({ limit: 5 })).resolves.toMatchObject({ data: [] });
    },
  },
  {
    name: 'downloads the bytes (a signed URL, or through the API)',
    async run(target) {
      const backend = backendOf(target);
      const file = fileOf('download.txt', 1000);
      const stored = await uploadDirectly(backend, file);
      const expected = await file.text();
      if (backend.capabilities.download === 'url') {
        expect(backend.download).toBeUndefined();
        const link = await backend.downloadUrl?.(stored.id);
        const response = await fetch(link?.url ?? '');
        expect(response.status).toBe(200);
        await expect(response.text()).resolves.toBe(expected);
      } else {
        expect(backend.downloadUrl).toBeUndefined();
        const blob = await backend.download?.(stored.id);
        await expect(blob?.text()).resolves.toBe(expected);
      }
    },
  },
];
