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
  it('nests every key under filedock so one invalidation can reach them all', () => {
    expect(filesQueryKeys.list({ offset: 25, limit: 25 })).toEqual([
      'filedock',
      'list',
      { offset: 25, limit: 25 },
    ]);
    expect(filesQueryKeys.detail('file_1')).toEqual(['filedock', 'detail', 'file_1']);
    expect(filesQueryKeys.url('file_1')).toEqual(['filedock', 'url', 'file_1']);
    expect(filesQueryKeys.upload()).toEqual(['filedock', 'upload', 'none']);
    expect(filesQueryKeys.upload('knowledge_user')).toEqual([
      'filedock',
      'upload',
      'knowledge_user',
    ]);
    for (const key of [
      filesQueryKeys.lists(),
      filesQueryKeys.details(),
      filesQueryKeys.urls(),
      filesQueryKeys.uploads(),
    ]) {
      expect(key[0]).toBe('filedock');
    }
  });
});

describe('list query options', () => {
  it('defaults to the first page of 25 and clamps larger limits to the API maximum', () => {
    expect(normalizeListParams()).toEqual({ offset: 0, limit: 25 });
    expect(normalizeListParams({ offset: 50, limit: 100 })).toEqual({ offset: 50, limit: 25 });
    expect(filesListQueryOptions(new FakeBackend(), { limit: 10 }).queryKey).toEqual(
      filesQueryKeys.list({ offset: 0, limit: 10 }),
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
