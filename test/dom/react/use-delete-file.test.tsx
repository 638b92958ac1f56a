import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FilePage } from '../../../src/core/backend.js';
import { filesQueryKeys } from '../../../src/react/keys.js';
import { useDeleteFile } from '../../../src/react/use-delete-file.js';
import { FakeBackend, fileObject } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

const DELETES = { capabilities: { transfer: 'direct', delete: true, paging: 'cursor' } } as const;

describe('useDeleteFile', () => {
  it('removes the row from every cached page once deleted, and invalidates lists and the detail', async () => {
    const backend = new FakeBackend(DELETES);
    const queryClient = testQueryClient();
    const keys = filesQueryKeys.scoped(backend.scope);
    const [a, b, c] = [fileObject(), fileObject(), fileObject()];
    const first = keys.list({ limit: 2 });
    const second = keys.list({ limit: 2, cursor: 'x' });
    queryClient.setQueryData<FilePage>(first, { data: [a!, b!], nextCursor: 'x' });
    queryClient.setQueryData<FilePage>(second, { data: [c!] });
    queryClient.setQueryData(keys.detail(b!.id), b);
    const { result } = renderHookWithProviders(() => useDeleteFile(), { backend, queryClient });

    result.current.mutate(b!.id);
    const call = await backend.next('delete');
    expect(call.args[0]).toBe(b!.id);
    // Nothing changes before the service confirms.
    expect(queryClient.getQueryData<FilePage>(first)?.data).toHaveLength(2);
    call.resolve(undefined);

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData<FilePage>(first)?.data.map((f) => f.id)).toEqual([a!.id]);
    expect(queryClient.getQueryData<FilePage>(second)?.data.map((f) => f.id)).toEqual([c!.id]);
    expect(queryClient.getQueryState(first)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(keys.detail(b!.id))?.isInvalidated).toBe(true);
  });

  it('keeps the cache as it was when the delete fails', async () => {
    const backend = new FakeBackend(DELETES);
    const queryClient = testQueryClient();
    const key = filesQueryKeys.scoped(backend.scope).list({ limit: 25 });
    const file = fileObject();
    queryClient.setQueryData<FilePage>(key, { data: [file] });
    const { result } = renderHookWithProviders(() => useDeleteFile(), { backend, queryClient });
    result.current.mutate(file.id);
    (await backend.next('delete')).reject(new Error('boom'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData<FilePage>(key)?.data).toEqual([file]);
  });

  it('runs the app’s onSuccess after its own cache update', async () => {
    const backend = new FakeBackend({ ...DELETES, delete: () => undefined });
    const queryClient = testQueryClient();
    const key = filesQueryKeys.scoped(backend.scope).list({ limit: 25 });
    const file = fileObject();
    queryClient.setQueryData<FilePage>(key, { data: [file] });
    const seen: unknown[] = [];
    const onSuccess = vi.fn((_: unknown, id: string) => {
      seen.push(id, queryClient.getQueryData<FilePage>(key)?.data);
    });
    const { result } = renderHookWithProviders(() => useDeleteFile({ onSuccess }), {
      backend,
      queryClient,
    });
    result.current.mutate(file.id);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(seen).toEqual([file.id, []]);
  });

  it('fails with bad_request and sends nothing on a client that does not delete', async () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useDeleteFile(), { backend });
    result.current.mutate('file_1');
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 'bad_request' });
    expect(backend.calls).toEqual([]);
  });
});
