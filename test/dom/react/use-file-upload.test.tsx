import { MutationCache, useIsMutating } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FiledockError } from '../../../src/core/errors.js';
import type { Upload } from '../../../src/core/upload/types.js';
import {
  filesQueryKeys,
  isUploadMutationMeta,
  useFileUpload,
  type UseFileUploadOptions,
} from '../../../src/react/index.js';
import { FakeBackend, fileObject, session } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

const text = (name: string, body = 'hello') => new File([body], name, { type: 'text/plain' });
const phaseOf = (uploads: readonly Upload[], name: string) =>
  uploads.find((u) => u.file.name === name)?.phase;

/** Drives one upload through the fake backend: create → put → complete, answering each. */
async function completeOne(backend: FakeBackend, id: string) {
  (await backend.next('create')).resolve(session({ id }));
  (await backend.next('put')).resolve(undefined);
  const done = fileObject({ id });
  (await backend.next('complete')).resolve(done);
  return done;
}

describe('useFileUpload', () => {
  it('takes a file through each phase to completed, writes it to the cache and invalidates lists', async () => {
    const backend = new FakeBackend();
    const queryClient = testQueryClient();
    const listKey = filesQueryKeys.scoped(backend.scope).list({ offset: 0, limit: 25 });
    queryClient.setQueryData(listKey, { data: [], totalCount: 0 });
    const onUploaded = vi.fn();
    const { result } = renderHookWithProviders(() => useFileUpload({ onUploaded }), {
      backend,
      queryClient,
    });

    act(() => void result.current.add([text('a.txt')]));
    const create = await backend.next('create');
    await waitFor(() => expect(phaseOf(result.current.uploads, 'a.txt')).toBe('creating'));
    expect(result.current.isUploading).toBe(true);
    create.resolve(session({ id: 'file_a' }));
    const put = await backend.next('put');
    await waitFor(() => expect(phaseOf(result.current.uploads, 'a.txt')).toBe('uploading'));
    put.resolve(undefined);
    const complete = await backend.next('complete');
    expect(complete.args[0]).toBe('file_a');
    await waitFor(() => expect(phaseOf(result.current.uploads, 'a.txt')).toBe('completing'));
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);

    const done = fileObject({ id: 'file_a' });
    complete.resolve(done);
    await waitFor(() => expect(phaseOf(result.current.uploads, 'a.txt')).toBe('completed'));
    expect(result.current.isUploading).toBe(false);
    expect(queryClient.getQueryData(filesQueryKeys.scoped(backend.scope).detail('file_a'))).toEqual(
      done,
    );
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(onUploaded).toHaveBeenCalledWith(done, expect.objectContaining({ phase: 'completed' }));
  });

  it('registers each upload as a mutation that useIsMutating and the MutationCache callbacks see', async () => {
    const backend = new FakeBackend();
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const queryClient = testQueryClient({
      mutationCache: new MutationCache({ onSuccess, onError }),
    });
    const { result } = renderHookWithProviders(
      () => ({
        upload: useFileUpload({ purpose: 'email_attachment' }),
        mutating: useIsMutating({
          mutationKey: filesQueryKeys.scoped(backend.scope).upload('email_attachment'),
        }),
        all: useIsMutating({ mutationKey: filesQueryKeys.scoped(backend.scope).uploads() }),
      }),
      { backend, queryClient },
    );

    act(() => void result.current.upload.add([text('ok.txt'), text('bad.txt')]));
    const first = await backend.next('create');
    const second = await backend.next('create');
    await waitFor(() => expect(result.current.mutating).toBe(2));
    expect(result.current.all).toBe(2);

    second.reject(
      new FiledockError({ code: 'bad_request', message: 'No such purpose', status: 400 }),
    );
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({
      code: 'bad_request',
      message: 'No such purpose',
    });
    expect(result.current.mutating).toBe(1);

    first.resolve(session({ id: 'file_ok' }));
    (await backend.next('put')).resolve(undefined);
    (await backend.next('complete')).resolve(fileObject({ id: 'file_ok' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const [data, variables, , mutation] = onSuccess.mock.calls[0]!;
    expect(data).toMatchObject({ phase: 'completed', serverFile: { id: 'file_ok' } });
    expect(variables).toMatchObject({ file: { name: 'ok.txt' } });
    expect(isUploadMutationMeta(mutation.meta)).toBe(true);
    expect(mutation.meta.localId).toBe(data.localId);
    await waitFor(() => expect(result.current.mutating).toBe(0));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('settles a cancelled upload’s mutation as a success with phase cancelled, never as an error', async () => {
    const backend = new FakeBackend().answer('cancel', (id) =>
      fileObject({ id: id as string, status: 'CANCELLED' }),
    );
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const queryClient = testQueryClient({
      mutationCache: new MutationCache({ onSuccess, onError }),
    });
    const { result } = renderHookWithProviders(
      () => ({
        upload: useFileUpload(),
        mutating: useIsMutating({ mutationKey: filesQueryKeys.scoped(backend.scope).uploads() }),
      }),
      { backend, queryClient },
    );

    let localId = '';
    act(() => {
      localId = result.current.upload.add([text('a.txt')])[0]!;
    });
    (await backend.next('create')).resolve(session({ id: 'file_c' }));
    const put = await backend.next('put');
    act(() => result.current.upload.cancel(localId));
    expect(put.signal?.aborted).toBe(true);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ phase: 'cancelled' });
    await waitFor(() => expect(result.current.mutating).toBe(0));
    expect(onError).not.toHaveBeenCalled();
    expect(backend.calls.filter((c) => c.method === 'cancel').map((c) => c.args[0])).toEqual([
      'file_c',
    ]);
  });

  it('under StrictMode sends exactly one create per file and keeps its uploads through the remount', async () => {
    const backend = new FakeBackend();
    const queryClient = testQueryClient();
    const { result } = renderHookWithProviders(() => useFileUpload(), {
      backend,
      queryClient,
      strict: true,
    });

    act(() => void result.current.add([text('a.txt'), text('b.txt')]));
    await completeOne(backend, 'file_a');
    await completeOne(backend, 'file_b');
    await waitFor(() =>
      expect(result.current.uploads.map((u) => u.phase)).toEqual(['completed', 'completed']),
    );
    expect(backend.count('create')).toBe(2);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(2);
  });

  it('does not cancel uploads in flight when the component unmounts', async () => {
    const backend = new FakeBackend();
    const onSuccess = vi.fn();
    const queryClient = testQueryClient({ mutationCache: new MutationCache({ onSuccess }) });
    const onUploaded = vi.fn();
    const { result, unmount } = renderHookWithProviders(() => useFileUpload({ onUploaded }), {
      backend,
      queryClient,
    });

    act(() => void result.current.add([text('a.txt')]));
    (await backend.next('create')).resolve(session({ id: 'file_u' }));
    const put = await backend.next('put');
    unmount();
    // Past the deferred destroy: the engine is really gone from React now.
    await act(() => Promise.resolve());
    expect(put.signal?.aborted).toBe(false);
    put.resolve(undefined);
    const done = fileObject({ id: 'file_u' });
    (await backend.next('complete')).resolve(done);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(backend.count('cancel')).toBe(0);
    expect(onUploaded).toHaveBeenCalledWith(done, expect.anything());
    expect(queryClient.getQueryData(filesQueryKeys.scoped(backend.scope).detail('file_u'))).toEqual(
      done,
    );
  });

  it('still cancels an upload after unmount, through the cancel the app kept', async () => {
    const backend = new FakeBackend().answer('cancel', (id) =>
      fileObject({ id: id as string, status: 'CANCELLED' }),
    );
    const onSuccess = vi.fn();
    const queryClient = testQueryClient({ mutationCache: new MutationCache({ onSuccess }) });
    const { result, unmount } = renderHookWithProviders(() => useFileUpload(), {
      backend,
      queryClient,
    });

    let localId = '';
    act(() => {
      localId = result.current.add([text('a.txt')])[0]!;
    });
    const { cancel } = result.current;
    (await backend.next('create')).resolve(session({ id: 'file_k' }));
    const put = await backend.next('put');
    unmount();
    await act(() => Promise.resolve());
    cancel(localId);
    expect(put.signal?.aborted).toBe(true);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ phase: 'cancelled' });
    expect(backend.calls.filter((c) => c.method === 'cancel').map((c) => c.args[0])).toEqual([
      'file_k',
    ]);
  });

  it('calls the latest callbacks passed, not the ones of the first render', async () => {
    const backend = new FakeBackend();
    const first = vi.fn();
    const latest = vi.fn();
    const { result, rerender } = renderHookWithProviders(
      (props: UseFileUploadOptions) => useFileUpload(props),
      {
        backend,
        initialProps: { onUploaded: first },
      },
    );
    act(() => void result.current.add([text('a.txt')]));
    rerender({ onUploaded: latest });
    await completeOne(backend, 'file_l');
    await waitFor(() => expect(latest).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
  });

  it('rejects an invalid file without any request or mutation, with the app’s message', async () => {
    const backend = new FakeBackend();
    const queryClient = testQueryClient();
    const { result } = renderHookWithProviders(
      () =>
        useFileUpload({ messages: { 'file-too-small': ({ file }) => `${file.name} est vide` } }),
      { backend, queryClient },
    );
    act(() => void result.current.add([text('empty.txt', '')]));
    await waitFor(() => expect(phaseOf(result.current.uploads, 'empty.txt')).toBe('rejected'));
    expect(result.current.uploads[0]!.error).toEqual({
      code: 'file-too-small',
      message: 'empty.txt est vide',
      params: { fileName: 'empty.txt', size: 0, minSize: 1 },
    });
    expect(backend.calls).toHaveLength(0);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);
  });

  it('asks before the page unloads while bytes are on their way, unless confirmUnload is false', async () => {
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    for (const confirmUnload of [true, false]) {
      const backend = new FakeBackend();
      const { result, unmount } = renderHookWithProviders(() => useFileUpload({ confirmUnload }), {
        backend,
      });
      act(() => void result.current.add([text('a.txt')]));
      (await backend.next('create')).resolve(session({ id: 'file_g' }));
      await backend.next('put');
      await waitFor(() => expect(result.current.uploads[0]?.phase).toBe('uploading'));
      expect(unload()).toBe(confirmUnload);
      unmount();
      expect(unload()).toBe(false); // the guard leaves with the component
    }
  });
});
