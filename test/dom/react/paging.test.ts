import { describe, expect, it } from 'vitest';
import { filesQueryKeys } from '../../../src/react/keys.js';
import { pageStats } from '../../../src/react/paging.js';
import { filesListQueryOptions, normalizeListParams } from '../../../src/react/query-options.js';
import { FakeBackend, fileObject } from './fake-backend.js';

const rows = (n: number) => Array.from({ length: n }, () => fileObject());

describe('pageStats', () => {
  it('counts pages from totalCount while pages are full', () => {
    expect(pageStats({ data: rows(25), totalCount: 60 }, 1, 25, 0, 'offset')).toEqual({
      pageCount: 3,
      totalCount: 60,
      hasNextPage: true,
    });
  });

  it('treats fewer rows than the limit as the last page, whatever totalCount says', () => {
    expect(pageStats({ data: rows(4), totalCount: 100 }, 2, 25, 25, 'offset')).toEqual({
      pageCount: 2,
      totalCount: 29,
      hasNextPage: false,
    });
  });

  it('stretches a lagging totalCount to cover rows already seen', () => {
    // The index says 75, but page 4 holds rows 76–100: count what was seen.
    const stats = pageStats({ data: rows(25), totalCount: 75 }, 4, 25, 75, 'offset');
    expect(stats).toEqual({ pageCount: 4, totalCount: 100, hasNextPage: false });
    const lagging = pageStats({ data: rows(25), totalCount: 60 }, 2, 25, 25, 'offset');
    expect(lagging).toEqual({ pageCount: 3, totalCount: 60, hasNextPage: true });
  });

  it('ends on a full page when totalCount says nothing follows', () => {
    expect(pageStats({ data: rows(25), totalCount: 50 }, 2, 25, 25, 'offset').hasNextPage).toBe(
      false,
    );
  });

  it('reports an empty page past the end as beyond the last page', () => {
    expect(pageStats({ data: [], totalCount: 40 }, 3, 25, 50, 'offset')).toEqual({
      pageCount: 2,
      totalCount: 50,
      hasNextPage: false,
    });
  });

  it('follows nextCursor on cursor backends that do not count', () => {
    expect(pageStats({ data: rows(10), nextCursor: 'c2' }, 1, 10, 0, 'cursor')).toEqual({
      pageCount: undefined,
      totalCount: undefined,
      hasNextPage: true,
    });
    expect(pageStats({ data: rows(3) }, 2, 10, 10, 'cursor')).toEqual({
      pageCount: 2,
      totalCount: 13,
      hasNextPage: false,
    });
  });
});

describe('filesQueryKeys', () => {
  it('nests every key under filedock and the client’s scope', () => {
    const keys = filesQueryKeys.scoped('lightfield http://a');
    expect(keys.list({ offset: 25, limit: 25 })).toEqual([
      'filedock',
      'lightfield http://a',
      'list',
      { offset: 25, limit: 25 },
    ]);
    expect(keys.detail('file_1')).toEqual(['filedock', 'lightfield http://a', 'detail', 'file_1']);
    expect(keys.url('file_1')).toEqual(['filedock', 'lightfield http://a', 'url', 'file_1']);
    expect(keys.upload()).toEqual(['filedock', 'lightfield http://a', 'upload', 'none']);
    for (const key of [keys.lists(), keys.details(), keys.urls(), keys.uploads(), keys.deletes()]) {
      expect(key.slice(0, 2)).toEqual([...filesQueryKeys.all, 'lightfield http://a']);
    }
  });

  it('gives two clients keys that never match each other', () => {
    const a = filesQueryKeys.scoped('xai http://a');
    const b = filesQueryKeys.scoped('llamacloud http://a');
    expect(a.lists()).not.toEqual(b.lists());
    expect(a.detail('f1')).not.toEqual(b.detail('f1'));
    expect(filesQueryKeys.scoped('xai http://a')).toBe(a);
  });
});

describe('list query options', () => {
  it('defaults to 25 rows and clamps larger limits to the client’s maxPageSize', () => {
    expect(normalizeListParams()).toEqual({ offset: 0, limit: 25 });
    expect(normalizeListParams({ offset: 50, limit: 100 }, 25)).toEqual({ offset: 50, limit: 25 });
    expect(normalizeListParams({ limit: 100 }, 1000)).toEqual({ offset: 0, limit: 100 });
    expect(normalizeListParams({ limit: 5000 }, 1000)).toEqual({ offset: 0, limit: 1000 });
    const backend = new FakeBackend();
    expect(filesListQueryOptions(backend, { limit: 10 }).queryKey).toEqual(
      filesQueryKeys.scoped(backend.scope).list({ offset: 0, limit: 10 }),
    );
  });

  it('keys a cursor client’s pages by cursor, without an offset', () => {
    const backend = new FakeBackend({ capabilities: { paging: 'cursor', maxPageSize: 100 } });
    const keys = filesQueryKeys.scoped(backend.scope);
    expect(filesListQueryOptions(backend).queryKey).toEqual(keys.list({ limit: 25 }));
    expect(filesListQueryOptions(backend, { limit: 500, cursor: 'c2' }).queryKey).toEqual(
      keys.list({ limit: 100, cursor: 'c2' }),
    );
  });

  it.each([{ limit: 0 }, { limit: 2.5 }, { offset: -1 }, { offset: Number.NaN }])(
    'refuses %o with bad_request',
    (params) => {
      expect(() => normalizeListParams(params)).toThrow(
        expect.objectContaining({ code: 'bad_request' }),
      );
    },
  );
});
