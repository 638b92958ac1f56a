import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';
import {
  FilesProvider,
  filesQueryKeys,
  useFile,
  useFileUpload,
  useFileUrl,
  useFiles,
  useFilesContext,
  useFilesQueryKeys,
} from '../../../src/react/index.js';
import { FakeBackend } from './fake-backend.js';
import { renderHookWithProviders, testQueryClient } from './render.js';

const client = { backend: new FakeBackend() };

/** Records every QueryClient it is rendered with. */
function Probe({ seen }: { seen: Set<unknown> }) {
  seen.add(useQueryClient());
  seen.add(useFilesContext('test').queryClient);
  return null;
}

describe('FilesProvider', () => {
  it.each<[string, () => unknown]>([
    ['useFileUpload', () => useFileUpload()],
    ['useFiles', () => useFiles()],
    ['useFile', () => useFile('file_1')],
    ['useFileUrl', () => useFileUrl('file_1')],
  ])('%s outside it throws an error naming the hook and the provider', (name, hook) => {
    expect(() => renderHook(hook)).toThrow(`filedock: ${name} must be used inside <FilesProvider>`);
  });

  it('uses the QueryClient of a QueryClientProvider above it', () => {
    const outer = testQueryClient();
    const { result } = renderHook(
      () => ({ ctx: useFilesContext('test'), nearest: useQueryClient() }),
      {
        wrapper: ({ children }: { children?: ReactNode }) => (
          <QueryClientProvider client={outer}>
            <FilesProvider client={client}>{children}</FilesProvider>
          </QueryClientProvider>
        ),
      },
    );
    expect(result.current.ctx.queryClient).toBe(outer);
    expect(result.current.nearest).toBe(outer);
  });

  it('prefers its queryClient prop over the one above it', () => {
    const outer = testQueryClient();
    const own = testQueryClient();
    const { result } = renderHook(
      () => ({ ctx: useFilesContext('test'), nearest: useQueryClient() }),
      {
        wrapper: ({ children }: { children?: ReactNode }) => (
          <QueryClientProvider client={outer}>
            <FilesProvider client={client} queryClient={own}>
              {children}
            </FilesProvider>
          </QueryClientProvider>
        ),
      },
    );
    expect(result.current.ctx.queryClient).toBe(own);
    expect(result.current.nearest).toBe(own);
  });

  it('makes one QueryClient of its own when none is given, and keeps it across renders', () => {
    const seen = new Set<unknown>();
    const { rerender } = render(
      <FilesProvider client={client}>
        <Probe seen={seen} />
      </FilesProvider>,
    );
    rerender(
      <FilesProvider client={client}>
        <Probe seen={seen} />
      </FilesProvider>,
    );
    expect(seen.size).toBe(1);
  });

  it('merges rules over the defaults, purpose by purpose', () => {
    const email = { minSize: 1, maxSize: 10, maxFilenameLength: 255 };
    const { result } = renderHook(() => useFilesContext('test'), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FilesProvider client={client} rules={{ email_attachment: email }}>
          {children}
        </FilesProvider>
      ),
    });
    expect(result.current.rules.email_attachment).toBe(email);
    expect(result.current.rules.knowledge_user).toBe(defaultPurposeRules.knowledge_user);
    expect(result.current.backend).toBe(client.backend);
  });

  it('carries labels for the components', () => {
    const labels = { nextPage: 'Suivante' };
    const { result } = renderHook(() => useFilesContext('test').labels, {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FilesProvider client={client} labels={labels}>
          {children}
        </FilesProvider>
      ),
    });
    expect(result.current).toBe(labels);
  });
});

describe('useFilesQueryKeys', () => {
  it('gives the keys of the provider’s client', () => {
    const backend = new FakeBackend();
    const { result } = renderHookWithProviders(() => useFilesQueryKeys(), { backend });
    expect(result.current).toBe(filesQueryKeys.scoped(backend.scope));
    expect(result.current.lists()).toEqual(['filedock', backend.scope, 'list']);
  });
});
