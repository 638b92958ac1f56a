import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { BackendCapabilities, ListPageParams, RemoteFile } from '../../../src/core/backend.js';
import { filesQueryKeys } from '../../../src/react/keys.js';
import { FilesProvider } from '../../../src/react/provider.js';
import { useFiles, type UseFilesOptions } from '../../../src/react/use-files.js';
import { FakeBackend, fileObject, listOver } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

const sixty = Array.from({ length: 60 }, (_, i) => fileObject({ id: `f${i}` }));
const offsets = (backend: FakeBackend) =>
  backend.calls.filter((c) => c.method === 'list').map((c) => (c.args[0] as ListPageParams).offset);

describe('useFiles', () => {
  it('shows the first page of 25 with counts, and prefetches the next', async () => {
    const backend = new FakeBackend().answer('list', listOver(sixty));
    const { result } = renderHookWithProviders(() => useFiles(), { backend });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data.map((f) => f.id)).toEqual(sixty.slice(0, 25).map((f) => f.id));
    expect(result.current).toMatchObject({
      page: 1,
      pageCount: 3,
      totalCount: 60,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    await waitFor(() => expect(offsets(backend)).toEqual([0, 25]));
  });

  it('walks to the last page, which has fewer rows and no next page', async () => {
    const backend = new FakeBackend().answer('list', listOver(sixty));
    const { result } = renderHookWithProviders(() => useFiles(), { backend });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    act(() => result.current.setPage(3));
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data?.data).toHaveLength(10);
    expect(result.current).toMatchObject({
      page: 3,
      pageCount: 3,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    act(() => result.current.setPage((p) => p + 5));
    expect(result.current.page).toBe(3);
  });

  it('keeps the previous page on screen while the next one loads', async () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFiles({ limit: 10, prefetchNext: false }), {
      backend,
    });
    (await backend.next('list')).resolve({ data: sixty.slice(0, 10), totalCount: 60 });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    act(() => result.current.setPage(2));
    const second = await backend.next('list');
    expect(second.args[0]).toEqual({ offset: 10, limit: 10 });
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data?.data[0]?.id).toBe('f0');
    expect(result.current).toMatchObject({
      page: 2,
      pageCount: 6,
      hasNextPage: true,
      hasPreviousPage: true,
    });

    second.resolve({ data: sixty.slice(10, 20), totalCount: 60 });
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f10'));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('serves a prefetched page from the cache without waiting', async () => {
    const backend = new FakeBackend().answer('list', listOver(sixty));
    const { result } = renderHookWithProviders(() => useFiles(), { backend });
    await waitFor(() => expect(offsets(backend)).toEqual([0, 25]));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    act(() => result.current.setPage(2));
    expect(result.current.isPlaceholderData).toBe(false);
    expect(result.current.data?.data[0]?.id).toBe('f25');
  });

  it('stops at a short page even when a lagging totalCount promises more', async () => {
    const backend = new FakeBackend().answer(
      'list',
      listOver(sixty.slice(0, 30), () => 90),
    );
    const { result } = renderHookWithProviders(() => useFiles({ page: 2 }), { backend });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current).toMatchObject({ pageCount: 2, totalCount: 30, hasNextPage: false });
  });

  it('when controlled, reports page changes and shows the page it is given', async () => {
    const backend = new FakeBackend().answer('list', listOver(sixty));
    const changes: number[] = [];
    const { result, rerender } = renderHookWithProviders(
      (props: UseFilesOptions) => useFiles(props),
      {
        backend,
        initialProps: { page: 1, onPageChange: (p: number) => changes.push(p) },
      },
    );
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    act(() => result.current.setPage(2));
    expect(changes).toEqual([2]);
    expect(result.current.page).toBe(1);
    rerender({ page: 2, onPageChange: (p: number) => changes.push(p) });
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f25'));
    expect(result.current.page).toBe(2);
  });

  it('reaches later pages of a cursor backend through each page’s nextCursor', async () => {
    const backend = cursorBackend(sixty);
    const { result } = renderHookWithProviders(() => useFiles(), { backend });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    expect(result.current.pageCount).toBeUndefined();
    act(() => result.current.setPage(2));
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f25'));
    act(() => result.current.setPage(3));
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f50'));
    expect(result.current).toMatchObject({
      page: 3,
      pageCount: 3,
      totalCount: 60,
      hasNextPage: false,
    });
    expect(new Set(cursors(backend))).toEqual(new Set([undefined, '25', '50']));
    // Cursor clients are asked for a cursor and a limit, never an offset.
    for (const call of backend.calls.filter((c) => c.method === 'list'))
      expect(call.args[0]).not.toHaveProperty('offset');
  });

  it('goes back and forth on a cursor backend after the cache dropped the earlier pages (gcTime 0)', async () => {
    const backend = cursorBackend(sixty);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, gcTime: 0 } },
    });
    const { result } = renderHookWithProviders(() => useFiles({ limit: 10 }), {
      backend,
      queryClient,
    });
    for (const first of ['f10', 'f20', 'f30']) {
      await waitFor(() => expect(result.current.hasNextPage).toBe(true));
      act(() => result.current.setPage((p) => p + 1));
      await waitFor(() => expect(result.current.data?.data[0]?.id).toBe(first));
    }
    // Pages 1 and 2 are no longer watched: wait until the cache has dropped them.
    const keys = filesQueryKeys.scoped(backend.scope);
    await waitFor(() => {
      expect(queryClient.getQueryData(keys.list({ limit: 10 }))).toBeUndefined();
      expect(queryClient.getQueryData(keys.list({ limit: 10, cursor: '10' }))).toBeUndefined();
    });
    for (const first of ['f20', 'f10', 'f0']) {
      act(() => result.current.setPage((p) => p - 1));
      await waitFor(() => expect(result.current.data?.data[0]?.id).toBe(first));
    }
    expect(result.current).toMatchObject({ page: 1, hasPreviousPage: false, hasNextPage: true });
  });

  it('clamps the limit to the client’s maxPageSize', async () => {
    const backend = cursorBackend(sixty, { maxPageSize: 10 });
    const { result } = renderHookWithProviders(() => useFiles({ limit: 50 }), { backend });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data).toHaveLength(10);
    expect(backend.calls.find((c) => c.method === 'list')?.args[0]).toEqual({ limit: 10 });
  });

  it('walks to a cursor page it has not reached yet, and to the last page past the end', async () => {
    const backend = cursorBackend(sixty);
    const changes: number[] = [];
    const { result, rerender } = renderHookWithProviders(
      (props: UseFilesOptions) => useFiles(props),
      {
        backend,
        initialProps: {
          page: 3,
          prefetchNext: false,
          onPageChange: (p: number) => changes.push(p),
        },
      },
    );
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f50'));
    expect(cursors(backend)).toEqual([undefined, '25', '50']);

    rerender({ page: 7, prefetchNext: false, onPageChange: (p: number) => changes.push(p) });
    await waitFor(() => expect(changes).toEqual([3]));
  });
});

describe('useFiles across clients', () => {
  it('never shows another client’s rows as placeholder, and starts that client at page 1', async () => {
    const a = new FakeBackend().answer('list', listOver(sixty));
    const b = new FakeBackend();
    const queryClient = testQueryClient();
    let client = { backend: a as FakeBackend };
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <FilesProvider client={client} queryClient={queryClient}>
        {children}
      </FilesProvider>
    );
    const { result, rerender } = renderHook(() => useFiles(), { wrapper });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    act(() => result.current.setPage(2));
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('f25'));

    client = { backend: b };
    rerender();
    const call = await b.next('list');
    expect(call.args[0]).toEqual({ offset: 0, limit: 25 });
    expect(result.current.page).toBe(1);
    expect(result.current.data).toBeUndefined();
    call.resolve({ data: [fileObject({ id: 'b0' })], totalCount: 1 });
    await waitFor(() => expect(result.current.data?.data[0]?.id).toBe('b0'));
  });
});

function cursorBackend(
  files: RemoteFile[],
  capabilities: Partial<BackendCapabilities> = {},
): FakeBackend {
  return new FakeBackend({ capabilities: { paging: 'cursor', ...capabilities } }).answer(
    'list',
    (params: ListPageParams) => {
      const { cursor, limit } = params;
      const start = cursor ? Number(cursor) : 0;
      const data = files.slice(start, start + limit);
      return start + limit < files.length ? { data, nextCursor: String(start + limit) } : { data };
    },
  );
}

const cursors = (backend: FakeBackend) =>
  backend.calls.filter((c) => c.method === 'list').map((c) => (c.args[0] as ListPageParams).cursor);
