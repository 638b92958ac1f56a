/**
 * renderWithProviders / renderHookWithProviders: the hooks and components under a FilesProvider
 * (and, unless told otherwise, the app's own QueryClientProvider above it), optionally in StrictMode.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import type { FilesBackend } from '../../../src/core/backend.js';
import type { PurposeRules } from '../../../src/core/rules/purposes.js';
import { FilesProvider } from '../../../src/react/provider.js';
import { FakeBackend } from './fake-backend.js';

export interface ProvidersOptions {
  backend?: FilesBackend;
  queryClient?: QueryClient;
  strict?: boolean;
  rules?: Partial<PurposeRules>;
}

/** No query retries: a failure in a test should show at once. */
export function testQueryClient(
  config: ConstructorParameters<typeof QueryClient>[0] = {},
): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
}

function providers({
  backend = new FakeBackend(),
  queryClient = testQueryClient(),
  strict = false,
  rules,
}: ProvidersOptions) {
  const client = { backend };
  function Wrapper({ children }: { children?: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <FilesProvider client={client} rules={rules}>
          {children}
        </FilesProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  return { Wrapper, backend, queryClient, client };
}

export function renderWithProviders(
  ui: ReactElement,
  options: ProvidersOptions & Omit<RenderOptions, 'wrapper'> = {},
) {
  const { Wrapper, backend, queryClient } = providers(options);
  return { ...render(ui, { ...options, wrapper: Wrapper }), backend, queryClient };
}

export function renderHookWithProviders<TResult, TProps>(
  hook: (props: TProps) => TResult,
  options: ProvidersOptions & { initialProps?: TProps } = {},
) {
  const { Wrapper, backend, queryClient } = providers(options);
  const rendered = renderHook(hook, {
    wrapper: Wrapper,
    ...(options.initialProps === undefined ? {} : { initialProps: options.initialProps }),
  });
  return { ...rendered, backend, queryClient };
}
