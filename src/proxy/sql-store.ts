/**
 * An ownership store in a SQL table, for several proxy instances sharing one database. It needs
 * only a `query(text, values)` function returning `{rows}`: a `pg` Pool or Client fits as is, and
 * so do drivers that speak the same shape (Neon's serverless driver, PGlite), so `filedock/proxy`
 * itself imports no database driver and stays runtime-neutral. The SQL is PostgreSQL's.
 */
import type { OwnershipStore } from './store.js';

/** The one method of a `pg` Pool/Client the store uses. */
export interface SqlQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface SqlOwnershipStoreOptions {
  /** A `pg` Pool (or anything with the same `query`). */
  db: SqlQueryable;
  /** Table name, plain lower-case identifier. @default 'filedock_file_owners' */
  table?: string;
}

export interface SqlOwnershipStore extends OwnershipStore {
  /** Creates the table and its index when missing. Safe to run at every start. */
  migrate(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function createSqlOwnershipStore(options: SqlOwnershipStoreOptions): SqlOwnershipStore {
  const table = options.table ?? 'filedock_file_owners';
  // Identifiers cannot be bound as parameters; the pattern keeps the name out of injection reach.
  if (!IDENTIFIER.test(table)) throw new TypeError(`table must match ${IDENTIFIER}, got ${table}`);
  const { db } = options;
  return {
    async migrate() {
      await db.query(
        `CREATE TABLE IF NOT EXISTS ${table} (
           scope text NOT NULL,
           file_id text NOT NULL,
           owner_id text NOT NULL,
           seq bigserial NOT NULL,
           created_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (scope, file_id)
         )`,
      );
      await db.query(
        `CREATE INDEX IF NOT EXISTS ${table}_owner_idx ON ${table} (scope, owner_id, seq)`,
      );
    },
    async add(scope, fileId, ownerId) {
      // The first creator wins: a replayed create (same idempotency key) records nothing new.
      await db.query(
        `INSERT INTO ${table} (scope, file_id, owner_id) VALUES ($1, $2, $3) ON CONFLICT (scope, file_id) DO NOTHING`,
        [scope, fileId, ownerId],
      );
    },
    async ownerOf(scope, fileId) {
      const { rows } = await db.query(
        `SELECT owner_id FROM ${table} WHERE scope = $1 AND file_id = $2`,
        [scope, fileId],
      );
      const owner = rows[0]?.owner_id;
      return typeof owner === 'string' ? owner : null;
    },
    async list(scope, ownerId, { offset, limit, order }) {
      const direction = order === 'asc' ? 'ASC' : 'DESC';
      const [page, count] = await Promise.all([
        db.query(
          `SELECT file_id FROM ${table} WHERE scope = $1 AND owner_id = $2 ORDER BY seq ${direction} OFFSET $3 LIMIT $4`,
          [scope, ownerId, offset, limit],
        ),
        db.query(`SELECT count(*)::int AS n FROM ${table} WHERE scope = $1 AND owner_id = $2`, [
          scope,
          ownerId,
        ]),
      ]);
      return {
        fileIds: page.rows.map((r) => String(r.file_id)),
        total: Number(count.rows[0]?.n ?? 0),
      };
    },
    async remove(scope, fileId) {
      await db.query(`DELETE FROM ${table} WHERE scope = $1 AND file_id = $2`, [scope, fileId]);
    },
  };
}
