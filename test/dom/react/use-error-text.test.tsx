import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useErrorText } from '../../../src/components/use-error-text.js';
import { FilesProvider } from '../../../src/react/provider.js';
import { FakeBackend } from './fake-backend.js';

const client = { backend: new FakeBackend() };

describe('useErrorText', () => {
  it('translates by code with the provider’s labels.errors, the one error table', () => {
    const errors = {
      network: 'Connexion perdue.',
      forbidden: (e: { message: string }) => `Interdit (${e.message})`,
    };
    const { result } = renderHook(() => useErrorText(), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FilesProvider client={client} labels={{ errors }}>
          {children}
        </FilesProvider>
      ),
    });
    expect(result.current({ code: 'network', message: 'Network Error' })).toBe('Connexion perdue.');
    expect(result.current({ code: 'forbidden', message: 'no scope' })).toBe('Interdit (no scope)');
    // Codes the table leaves out keep filedock's English text, then the error's own message.
    expect(result.current({ code: 'timeout', message: 'x' })).toBe(
      'The server took too long to answer.',
    );
    expect(result.current({ code: 'http-418', message: 'I am a teapot' })).toBe('I am a teapot');
  });

  it('lets a component’s own labels win over the provider’s', () => {
    const { result } = renderHook(() => useErrorText({ errors: { network: 'Netzwerk weg.' } }), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FilesProvider client={client} labels={{ errors: { network: 'Connexion perdue.' } }}>
          {children}
        </FilesProvider>
      ),
    });
    expect(result.current({ code: 'network', message: 'x' })).toBe('Netzwerk weg.');
  });
});
