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

interface TreeProps {
  client: { backend: FilesBackend };
  queryClient: QueryClient;
  strict: boolean;
  rules: Partial<PurposeRules> | undefined;
  children?: ReactNode;
}

function Providers({ client, queryClient, strict, rules, children }: TreeProps) {
  const tree = (
    <QueryClientProvider client={queryClient}>
      <FilesProvider client={client} rules={rules}>
        {children}
      </FilesProvider>
    </QueryClientProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

function providers({
  backend = new FakeBackend(),
  queryClient = testQueryClient(),
  strict = false,
  rules,
}: ProvidersOptions) {
  const client = { backend };
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <Providers client={client} queryClient={queryClient} strict={strict} rules={rules}>
      {children}
    </Providers>
  );
  return { wrapper, backend, queryClient, client };
}

export function renderWithProviders(
  ui: ReactElement,
  options: ProvidersOptions & Omit<RenderOptions, 'wrapper'> = {},
) {
  const { wrapper, backend, queryClient } = providers(options);
  return { ...render(ui, { ...options, wrapper }), backend, queryClient };
}

export function renderHookWithProviders<TResult, TProps>(
  hook: (props: TProps) => TResult,
  options: ProvidersOptions & { initialProps?: TProps } = {},
) {
  const { wrapper, backend, queryClient } = providers(options);
  const rendered = renderHook(hook, {
    wrapper,
    ...(options.initialProps === undefined ? {} : { initialProps: options.initialProps }),
  });
  return { ...rendered, backend, queryClient };
}
