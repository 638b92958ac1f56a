/**
 * Who created which file. Upstream cannot tell (one organisation key serves every user), so the
 * proxy records the creator of each file and checks it before any per-file operation or list.
 *
 * `scope` is the service (`lightfield`, `llamacloud`, `xai`): one store may serve several proxies
 * and two services' ids never meet.
 */
export interface OwnershipPage {
  /** File ids on the requested page, in the requested order. */
  fileIds: string[];
  /** How many files the owner has in this scope. */
  total: number;
}

export interface OwnershipStore {
  /** Records `ownerId` as the creator of `fileId`. Recording the same pair again is a no-op. */
  add(scope: string, fileId: string, ownerId: string): Promise<void>;
  /** The creator of `fileId`, or `null` when the proxy never saw it created. */
  ownerOf(scope: string, fileId: string): Promise<string | null>;
  /** One page of an owner's files, newest first unless `order` is `'asc'`. */
  list(
    scope: string,
    ownerId: string,
    page: { offset: number; limit: number; order: 'asc' | 'desc' },
  ): Promise<OwnershipPage>;
  /** Forgets a file (deleted upstream, or gone). */
  remove(scope: string, fileId: string): Promise<void>;
}

interface Row {
  ownerId: string;
  seq: number;
}

/**
 * The default store: a Map in this process. It is right for one server process; several
 * instances (serverless, a cluster) need a shared store such as `createSqlOwnershipStore`.
 */
export function createMemoryOwnershipStore(): OwnershipStore {
  const rows = new Map<string, Row>();
  let seq = 0;
  const key = (scope: string, fileId: string): string => `${scope}\n${fileId}`;
  return {
    async add(scope, fileId, ownerId) {
      if (!rows.has(key(scope, fileId))) rows.set(key(scope, fileId), { ownerId, seq: ++seq });
    },
    async ownerOf(scope, fileId) {
      return rows.get(key(scope, fileId))?.ownerId ?? null;
    },
    async list(scope, ownerId, { offset, limit, order }) {
      const prefix = `${scope}\n`;
      const mine = [...rows]
        .filter(([k, row]) => k.startsWith(prefix) && row.ownerId === ownerId)
        .sort((a, b) => (order === 'asc' ? a[1].seq - b[1].seq : b[1].seq - a[1].seq));
      return {
        fileIds: mine.slice(offset, offset + limit).map(([k]) => k.slice(prefix.length)),
        total: mine.length,
      };
    },
    async remove(scope, fileId) {
      rows.delete(key(scope, fileId));
    },
  };
}
