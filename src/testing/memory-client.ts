/**
 * `createMemoryClient`: an in-memory Files API behind the same `FilesBackend` seam as the real
 * clients, for stories and app tests. It emulates one service's capabilities (`service`): a
 * Lightfield session transfer, or a LlamaCloud / xAI direct upload with cursor paging and delete.
 * Every call waits `latencyMs` on timers, consults the armed faults, and may hold at a paused
 * phase, so any upload state can be reached and held deterministically, without a server.
 */
import type {
  FilesBackend,
  PutOptions,
  RequestOptions,
  SessionTransfer,
  DirectTransfer,
  TransferProgress,
} from '../core/backend.js';
import type { FileObject } from '../core/lightfield/schemas.js';
import { FaultTable, faultError } from './faults.js';
import { MemoryStore } from './memory-store.js';
import { profileOf } from './services.js';
import { Gate, delay, throwIfAborted } from './timing.js';
import type {
  MemoryCall,
  MemoryClient,
  MemoryClientOptions,
  MemoryFiles,
  MemoryPause,
  MemoryRoute,
} from './types.js';

const PAUSE_ROUTES: Record<MemoryPause['phase'], readonly MemoryRoute[]> = {
  creating: ['create'],
  uploading: ['put', 'upload'],
  completing: ['complete'],
};

export function createMemoryClient(options: MemoryClientOptions = {}): MemoryClient {
  const service = options.service ?? 'lightfield';
  const now = options.now ?? Date.now;
  const latencyMs = options.latencyMs ?? 0;
  const intervalMs = options.progressIntervalMs ?? 100;
  const verifyMd5 = options.md5 ?? true;
  const profile = profileOf(service, verifyMd5);
  const { capabilities } = profile;
  const store = new MemoryStore(
    now,
    options.sessionTtlMs ?? 3_600_000,
    profile.rules,
    capabilities.maxPageSize,
  );
  const faults = new FaultTable();
  const gate = new Gate();
  const calls: MemoryCall[] = [];
  let pause: MemoryPause | undefined = options.pauseAt;
  let bytesPerSecond = options.bytesPerSecond;

  for (const fault of options.faults ?? []) faults.add(fault);
  if (options.files) store.seed(options.files);

  const heldAt = (route: MemoryRoute): boolean =>
    pause !== undefined && PAUSE_ROUTES[pause.phase].includes(route);
  const sending = (route: MemoryRoute): boolean => route === 'put' || route === 'upload';

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
    if (!sending(route) && heldAt(route)) await gate.wait(() => !heldAt(route), signal);
  }

  /** Reports the bytes leaving at `bytesPerSecond`, holding where a pause at `uploading` says. */
  async function send(
    route: MemoryRoute,
    total: number,
    onProgress: ((progress: TransferProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    let loaded = 0;
    onProgress?.({ loaded, total });
    // Where a pause at `uploading` holds: the same whole byte for the check and the clamp, so the
    // loop either advances or waits, never spins.
    const holdPoint = (): number | undefined =>
      heldAt(route) ? Math.floor((total * (pause?.percent ?? 0)) / 100) : undefined;
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
  }

  const create: MemoryFiles['create'] = async (params, opts) => {
    await enter('create', undefined, params.filename, opts?.signal);
    return store.create(params);
  };
  const complete = async (id: string, md5: string | undefined, opts?: RequestOptions) => {
    await enter('complete', id, store.nameOf(id), opts?.signal);
    return store.complete(id, md5, verifyMd5);
  };

  const sessionTransfer: SessionTransfer = {
    kind: 'session',
    create,
    async put(session, body, opts: PutOptions = {}) {
      const id = store.idForUploadUrl(session.uploadUrl);
      await enter('put', id, id === undefined ? undefined : store.nameOf(id), opts.signal);
      const entry = store.beginPut(session.uploadUrl, session.uploadHeaders);
      await send('put', body.size, opts.onProgress, opts.signal);
      store.finishPut(entry, body);
    },
    complete: (id, params, opts) => complete(id, params.md5, opts),
  };

  const directTransfer: DirectTransfer = {
    kind: 'direct',
    async upload(file, params, opts: PutOptions = {}) {
      await enter('upload', undefined, params.filename, opts.signal);
      await send('upload', file.size, opts.onProgress, opts.signal);
      return profile.view(store.uploadDirect(params, file));
    },
  };

  const cancel = async (id: string, opts?: RequestOptions): Promise<FileObject> => {
    await enter('cancel', id, store.nameOf(id), opts?.signal);
    return store.cancel(id);
  };
  const url = async (id: string, opts?: RequestOptions) => {
    await enter('url', id, store.nameOf(id), opts?.signal);
    return store.url(id);
  };

  const backend: FilesBackend = {
    scope: `memory ${service}`,
    capabilities,
    transfer: service === 'lightfield' ? sessionTransfer : directTransfer,
    async retrieve(id, opts) {
      await enter('retrieve', id, store.nameOf(id), opts?.signal);
      return profile.view(store.retrieve(id));
    },
    async list(params, opts) {
      await enter('list', undefined, undefined, opts?.signal);
      const page = store.list(params, capabilities.paging);
      return { ...page, data: page.data.map(profile.view) };
    },
    ...(capabilities.cancel ? { cancel } : {}),
    ...(capabilities.delete
      ? {
          async delete(id: string, opts?: RequestOptions) {
            await enter('delete', id, store.nameOf(id), opts?.signal);
            store.delete(id);
          },
        }
      : {}),
    ...(capabilities.download === 'url'
      ? { downloadUrl: url }
      : {
          async download(id: string, opts?: RequestOptions) {
            await enter('download', id, store.nameOf(id), opts?.signal);
            return store.download(id);
          },
        }),
  };

  const files: MemoryFiles = {
    create,
    complete: (id, params, opts) => complete(id, params?.md5, opts),
    cancel,
    async retrieve(id, opts) {
      await enter('retrieve', id, store.nameOf(id), opts?.signal);
      return store.retrieve(id);
    },
    async list(params, opts) {
      await enter('list', undefined, undefined, opts?.signal);
      const page = store.list(params ?? {}, 'offset');
      return { object: 'list', data: page.data, totalCount: page.totalCount ?? 0 };
    },
    url,
  };

  return {
    backend,
    rules: profile.rules,
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
