import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { filesQueryKeys } from '../../../src/react/keys.js';
import { useFile } from '../../../src/react/use-file.js';
import { FakeBackend, fileObject } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

describe('useFile', () => {
  it('retrieves the file by id', async () => {
    const file = fileObject({ id: 'file_9' });
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFile('file_9'), { backend });
    const call = await backend.next('retrieve');
    expect(call.args[0]).toBe('file_9');
    call.resolve(file);
    await waitFor(() => expect(result.current.data).toEqual(file));
  });

  it('shows a file already in the cache without waiting for the network', () => {
    const file = fileObject({ id: 'file_8' });
    const queryClient = testQueryClient();
    const backend = new FakeBackend();
    queryClient.setQueryData(filesQueryKeys.scoped(backend.scope).detail('file_8'), file);
    const { result } = renderHookWithProviders(() => useFile('file_8'), { backend, queryClient });
    expect(result.current.data).toBe(file);
  });

  it('fetches nothing without an id', () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFile(undefined), { backend });
    expect(result.current.fetchStatus).toBe('idle');
    expect(backend.count('retrieve')).toBe(0);
  });
});
