/**
 * Stories run against the in-memory client: each story gets a fresh one from its
 * `parameters.memory` options, so every state is reached and held deterministically.
 */
import { QueryClient } from '@tanstack/react-query';
import type { Decorator } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { type FiledockLabelsInput, mergeLabels } from '../src/components/labels.js';
import type { PurposeRules } from '../src/core/rules/purposes.js';
import { FilesProvider } from '../src/index.js';
import {
  createMemoryClient,
  type MemoryClient,
  type MemoryClientOptions,
} from '../src/testing/index.js';
import { STORY_LOCALES } from './locales.js';

export interface MemoryParameters extends MemoryClientOptions {
  rules?: Partial<PurposeRules>;
  labels?: FiledockLabelsInput;
}

/** The client of the story on screen, for play functions that release a pause or read the server. */
export let currentClient: MemoryClient | undefined;

export function MemoryProvider({
  options = {},
  children,
}: {
  options?: MemoryParameters;
  children: ReactNode;
}) {
  const { rules, labels, ...clientOptions } = options;
  const [client] = useState(() => createMemoryClient(clientOptions));
  // Errors show at once: a story's error state must not wait out three query retries.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  );
  currentClient = client;
  return (
    <FilesProvider
      client={client}
      queryClient={queryClient}
      {...(rules ? { rules } : {})}
      {...(labels ? { labels } : {})}
    >
      {children}
    </FilesProvider>
  );
}

export const withMemoryClient: Decorator = (Story, context) => {
  const options = context.parameters.memory as MemoryParameters | undefined;
  // The toolbar's locale (preview.ts), under the story's own labels.
  const locale = STORY_LOCALES[context.globals.locale as string]?.labels;
  const labels = locale ? mergeLabels(locale, options?.labels) : options?.labels;
  return (
    <MemoryProvider options={{ ...options, ...(labels ? { labels } : {}) }}>
      <Story />
    </MemoryProvider>
  );
};

export function textFile(name: string, text = '0123456789', type = 'text/plain'): File {
  return new File([text], name, { type });
}

export function transferOf(files: readonly File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/** Phases of the items on screen, in list order. */
export function phases(root: HTMLElement): (string | null)[] {
  return [...root.querySelectorAll('[data-filedock-upload]')].map((li) =>
    li.getAttribute('data-phase'),
  );
}
