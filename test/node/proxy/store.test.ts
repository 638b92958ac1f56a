/**
 * The ownership stores keep one contract: the in-memory default, and the SQL store against a
 * real PostgreSQL started by the test. Two proxies sharing the SQL store behave as one.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryOwnershipStore,
  createSqlOwnershipStore,
  type OwnershipStore,
} from '../../../src/proxy/index.js';
import { call, createAs, makeProxy, startUpstream } from './helpers.js';
import { type Cluster, hasPostgres, startPostgres } from './postgres.js';

function contract(name: string, make: () => Promise<OwnershipStore>) {
  describe(`${name}: ownership store contract`, () => {
    it('records, answers the owner, and ignores a second record of the same file', async () => {
      const store = await make();
      await store.add('lightfield', 'fil_1', 'alice');
      await store.add('lightfield', 'fil_1', 'bob');
      expect(await store.ownerOf('lightfield', 'fil_1')).toBe('alice');
      expect(await store.ownerOf('lightfield', 'fil_2')).toBeNull();
    });

    it('keeps scopes apart', async () => {
      const store = await make();
      await store.add('xai', 'file_1', 'alice');
      expect(await store.ownerOf('llamacloud', 'file_1')).toBeNull();
      expect(
        (await store.list('llamacloud', 'alice', { offset: 0, limit: 10, order: 'desc' })).total,
      ).toBe(0);
    });

    it("pages an owner's files newest first (or oldest first), with the owner's total", async () => {
      const store = await make();
      for (let i = 1; i <= 5; i++) await store.add('lightfield', `fil_${i}`, 'alice');
      await store.add('lightfield', 'fil_b', 'bob');
      const first = await store.list('lightfield', 'alice', { offset: 0, limit: 2, order: 'desc' });
      expect(first).toEqual({ fileIds: ['fil_5', 'fil_4'], total: 5 });
      const last = await store.list('lightfield', 'alice', { offset: 4, limit: 2, order: 'desc' });
      expect(last.fileIds).toEqual(['fil_1']);
      const asc = await store.list('lightfield', 'alice', { offset: 0, limit: 2, order: 'asc' });
      expect(asc.fileIds).toEqual(['fil_1', 'fil_2']);
    });

    it('forgets a removed file', async () => {
      const store = await make();
      await store.add('xai', 'file_9', 'alice');
      await store.remove('xai', 'file_9');
      expect(await store.ownerOf('xai', 'file_9')).toBeNull();
    });
  });
}

contract('memory', async () => createMemoryOwnershipStore());

// CI installs PostgreSQL (.ci/run); elsewhere the SQL half runs where the binaries exist.
describe.skipIf(!hasPostgres && process.env.CI !== 'true')('SQL store on a real PostgreSQL', () => {
  let cluster: Cluster;
  let pool: pg.Pool;
  let tables = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
    pool = new pg.Pool({
      host: '127.0.0.1',
      port: cluster.port,
      user: 'postgres',
      database: 'postgres',
    });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    cluster?.stop();
  });

  const fresh = async () => {
    const store = createSqlOwnershipStore({ db: pool, table: `owners_${++tables}` });
    await store.migrate();
    await store.migrate(); // idempotent
    return store;
  };
  contract('postgres', fresh);

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => createSqlOwnershipStore({ db: pool, table: 'x; DROP TABLE users' })).toThrow(
      TypeError,
    );
  });

  it('two proxy instances sharing the store act as one', async () => {
    const upstream = await startUpstream();
    const store = await fresh();
    const a = makeProxy(upstream.url, { store }).proxy;
    const b = makeProxy(upstream.url, { store }).proxy;
    const file = await createAs(a, 'alice');
    expect((await call(b, 'GET', `/v1/files/${file.id}`)).status).toBe(200);
    expect((await call(b, 'GET', `/v1/files/${file.id}`, { user: 'bob' })).status).toBe(404);
    const list = await call(b, 'GET', '/v1/files');
    expect(list.body.data.map((f: { id: string }) => f.id)).toEqual([file.id]);
  });
});

describe('a failing store', () => {
  it('answers 503 and cancels the session it could not record (nothing left behind)', async () => {
    const upstream = await startUpstream();
    const broken: OwnershipStore = {
      ...createMemoryOwnershipStore(),
      add: async () => {
        throw new Error('connection refused');
      },
    };
    const { proxy } = makeProxy(upstream.url, { store: broken });
    const answer = await call(proxy, 'POST', '/v1/files', {
      body: { filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 1 },
    });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('ownership_store_failed');
    const files = (await (await fetch(`${upstream.url}/_control/files`)).json()).files;
    expect(files).toHaveLength(1);
    expect(files[0].status).toBe('CANCELLED');
  });
});
