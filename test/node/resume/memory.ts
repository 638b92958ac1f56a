/** In-memory stand-ins for the journal, the coordinator and a backend, for restore tests. */
import { vi } from 'vitest';
import type { FilesBackend, RemoteFile } from '../../../src/core/backend.js';
import { FiledockError } from '../../../src/core/errors.js';
import type {
  RemoteProgress,
  ResumeClaim,
  ResumeCoordinator,
} from '../../../src/core/upload/resume/coordination.js';
import type { JournalEntry } from '../../../src/core/upload/resume/entry.js';
import type { ResumeJournal } from '../../../src/core/upload/resume/journal.js';

export function memoryJournal(scope = 's') {
  const entries = new Map<string, JournalEntry>();
  const bytes = new Map<string, Blob>();
  const journal: ResumeJournal = {
    scope,
    available: true,
    list: async () => [...entries.values()].map((e) => structuredClone(e)),
    write: async (entry) => {
      entries.set(entry.key, structuredClone(entry));
    },
    remove: async (key) => {
      entries.delete(key);
      bytes.delete(key);
    },
    putBytes: async (key, blob) => {
      bytes.set(key, blob);
      return true;
    },
    getBytes: async (key) => bytes.get(key),
    putHandle: async () => false,
    getHandle: async () => undefined,
    clear: async () => entries.clear(),
  };
  return { journal, entries, bytes };
}

/** Locks as a set of held keys; `hold` makes a key held by "another tab". */
export function memoryCoordinator() {
  const held = new Set<string>();
  const waiters = new Map<string, Array<(claim: ResumeClaim) => void>>();
  const claimOf = (key: string): ResumeClaim => {
    held.add(key);
    return {
      release: async () => {
        held.delete(key);
        const next = waiters.get(key)?.shift();
        if (next) next(claimOf(key));
      },
    };
  };
  const announced: RemoteProgress[] = [];
  const coordinator: ResumeCoordinator = {
    tryClaim: async (key) => (held.has(key) ? undefined : claimOf(key)),
    waitClaim: (key, signal) =>
      held.has(key)
        ? new Promise((resolve) => {
            waiters.set(key, [...(waiters.get(key) ?? []), resolve]);
            signal.addEventListener('abort', () => resolve(undefined));
          })
        : Promise.resolve(claimOf(key)),
    announce: (m) => announced.push(m),
    subscribe: () => () => undefined,
    close: () => undefined,
  };
  return { coordinator, held, announced, hold: (key: string) => claimOf(key) };
}

export function fakeBackend(
  files: Record<string, RemoteFile | 'unreachable'>,
  kind: 'session' | 'direct' = 'session',
) {
  const notFound = () =>
    new FiledockError({ code: 'not_found', message: 'No such file', status: 404 });
  const retrieve = vi.fn(async (id: string) => {
    const file = files[id];
    if (file === 'unreachable') throw new FiledockError({ code: 'network', message: 'offline' });
    if (!file) throw notFound();
    return file;
  });
  const cancel = vi.fn(async (id: string) => {
    const file = files[id];
    if (!file || file === 'unreachable') throw notFound();
    file.status = 'CANCELLED';
    return file;
  });
  const list = vi.fn(async () => ({
    data: Object.values(files).filter((f): f is RemoteFile => f !== 'unreachable'),
  }));
  const backend = {
    scope: 'fake',
    capabilities: {
      checksum: 'md5',
      cancel: kind === 'session',
      delete: false,
      download: 'url',
      paging: 'offset',
      maxPageSize: 25,
    },
    transfer:
      kind === 'session'
        ? { kind, create: vi.fn(), put: vi.fn(), complete: vi.fn() }
        : { kind, upload: vi.fn() },
    retrieve,
    list,
    ...(kind === 'session' ? { cancel } : {}),
  } as unknown as FilesBackend;
  return { backend, retrieve, cancel, list };
}
