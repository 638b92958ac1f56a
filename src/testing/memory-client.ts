/**
 * `createMemoryClient`: an in-memory Files API behind the same `FilesBackend` seam as the
 * Lightfield client, for stories and app tests. Every call waits `latencyMs` on timers, consults
 * the armed faults, and may hold at a paused phase, so any upload state can be reached and held
 * deterministically, without a server.
 */
import type { FileCreateParams, FileObject } from '../core/api/schemas.js';
import type { FilesBackend, PutOptions, RequestOptions } from '../core/backend.js';
import { FaultTable, faultError } from './faults.js';
import { MemoryStore } from './memory-store.js';
import { Gate, delay, throwIfAborted } from './timing.js';
import type {
  MemoryCall,
  MemoryClient,
  MemoryClientOptions,
  MemoryFiles,
  MemoryPause,
  MemoryRoute,
} from './types.js';

const PAUSE_ROUTE: Record<MemoryPause['phase'], MemoryRoute> = {
  creating: 'create',
  uploading: 'put',
  completing: 'complete',
};

export function createMemoryClient(options: MemoryClientOptions = {}): MemoryClient {
  const now = options.now ?? Date.now;
  const latencyMs = options.latencyMs ?? 0;
  const intervalMs = options.progressIntervalMs ?? 100;
  const verifyMd5 = options.md5 ?? true;
  const store = new MemoryStore(now, options.sessionTtlMs ?? 3_600_000);
  const faults = new FaultTable();
  const gate = new Gate();
  const calls: MemoryCall[] = [];
  let pause: MemoryPause | undefined = options.pauseAt;
  let bytesPerSecond = options.bytesPerSecond;

  for (const fault of options.faults ?? []) faults.add(fault);
  if (options.files) store.seed(options.files);

  const heldAt = (route: MemoryRoute): boolean =>
    pause !== undefined && PAUSE_ROUTE[pause.phase] === route;

  /** Latency, then the route's fault (if armed), then a pause (if held there). */
  async function enter(
    route: MemoryRoute,
    id: string | undefined,
    filename: string | undefined,
    signal?: AbortSignal,
  ): Promise<void> {
    throwIfAborted(signal);
    calls.push({ route, id });
    await delay(latencyMs, signal);
    const fault = faults.take(route, filename);
    if (fault) {
      if (fault.kind === 'expire' && id !== undefined) store.expire(id);
      throw faultError(fault);
    }
    if (route !== 'put' && heldAt(route)) await gate.wait(() => !heldAt(route), signal);
  }

  async function put(
    session: { uploadUrl: string; uploadHeaders: Record<string, string> },
    body: Blob,
    opts: PutOptions = {},
  ): Promise<void> {
    const { signal, onProgress } = opts;
    const id = store.idForUploadUrl(session.uploadUrl);
    await enter('put', id, id === undefined ? undefined : store.nameOf(id), signal);
    const entry = store.beginPut(session.uploadUrl, session.uploadHeaders);
    const total = body.size;
    let loaded = 0;
    onProgress?.({ loaded, total });
    // Where a pause at `uploading` holds: the same whole byte for the check and the clamp, so the
    // loop either advances or waits, never spins.
    const holdPoint = (): number | undefined =>
      heldAt('put') ? Math.floor((total * (pause?.percent ?? 0)) / 100) : undefined;
    while (loaded < total) {
      const hold = holdPoint();
      if (hold !== undefined && loaded >= hold) {
        await gate.wait(() => {
          const next = holdPoint();
          return next === undefined || loaded < next;
        }, signal);
        continue;
      }
      if (bytesPerSecond === 0) {
        await gate.wait(() => bytesPerSecond !== 0, signal);
        continue;
      }
      let next = total;
      if (bytesPerSecond !== undefined) {
        await delay(intervalMs, signal);
        next = Math.min(
          total,
          loaded + Math.max(1, Math.round((bytesPerSecond * intervalMs) / 1000)),
        );
      }
      const limit = holdPoint();
      if (limit !== undefined) next = Math.min(next, limit);
      if (next <= loaded) continue;
      loaded = next;
      onProgress?.({ loaded, total });
    }
    throwIfAborted(signal);
    store.finishPut(entry, body);
  }

  const backend: FilesBackend = {
    capabilities: { paging: 'offset', md5: verifyMd5, cancel: true },
    async createSession(params: FileCreateParams, opts?: RequestOptions) {
      await enter('create', undefined, params.filename, opts?.signal);
      return store.create(params);
    },
    put,
    async complete(id, params, opts) {
      await enter('complete', id, store.nameOf(id), opts?.signal);
      return store.complete(id, params?.md5, verifyMd5);
    },
    async cancel(id, opts) {
      await enter('cancel', id, store.nameOf(id), opts?.signal);
      return store.cancel(id);
    },
    async retrieve(id, opts) {
      await enter('retrieve', id, store.nameOf(id), opts?.signal);
      return store.retrieve(id);
    },
    async list(params, opts) {
      await enter('list', undefined, undefined, opts?.signal);
      return store.list(params);
    },
    async url(id, opts) {
      await enter('url', id, store.nameOf(id), opts?.signal);
      return store.url(id);
    },
  };

  const files: MemoryFiles = {
    create: (params, opts) => backend.createSession(params, opts),
    complete: (id, params, opts) => backend.complete(id, params, opts),
    cancel: (id, opts) => backend.cancel(id, opts),
    retrieve: (id, opts) => backend.retrieve(id, opts),
    async list(params, opts) {
      const page = await backend.list(params, opts);
      return { object: 'list', data: page.data, totalCount: page.totalCount ?? page.data.length };
    },
    url: (id, opts) => backend.url(id, opts),
  };

  return {
    backend,
    files,
    control: {
      addFault: (fault) => faults.add(fault),
      clearFaults: () => faults.clear(),
      clear() {
        faults.clear();
        store.clear();
        calls.length = 0;
        pause = undefined;
        gate.poke();
      },
      seed: (seeds): FileObject[] => store.seed(seeds),
      setPaused(next) {
        pause = next === false ? undefined : next;
        gate.poke();
      },
      setBytesPerSecond(next) {
        bytesPerSecond = next;
        gate.poke();
      },
      calls,
      list: () => store.all(),
      read: (id) => store.read(id),
    },
  };
}
