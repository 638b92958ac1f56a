/**
 * Renders components inside a FilesProvider over the in-memory client, with the default theme
 * loaded (axe checks colour contrast against it).
 */
import '../../../src/components/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { FilesProvider } from '../../../src/index.js';
import type { FiledockLabelsInput } from '../../../src/components/labels.js';
import type { PurposeRules } from '../../../src/core/rules/purposes.js';
import {
  createMemoryClient,
  type MemoryClient,
  type MemoryClientOptions,
} from '../../../src/testing/index.js';

afterEach(() => {
  cleanup();
});

export interface Rendered extends RenderResult {
  client: MemoryClient;
  queryClient: QueryClient;
}

export function renderWithClient(
  ui: ReactNode,
  options: MemoryClientOptions & {
    labels?: FiledockLabelsInput;
    client?: MemoryClient;
    rules?: Partial<PurposeRules>;
  } = {},
): Rendered {
  const { labels, client: given, rules, ...clientOptions } = options;
  const client = given ?? createMemoryClient(clientOptions);
  // No query retries: an error state must show at once, not after three backoffs.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <FilesProvider
      client={client}
      queryClient={queryClient}
      {...(labels ? { labels } : {})}
      {...(rules ? { rules } : {})}
    >
      {ui}
    </FilesProvider>,
  );
  return { ...result, client, queryClient };
}

export function textFile(name: string, text = 'hello world', type = 'text/plain'): File {
  return new File([text], name, { type });
}

/** A DataTransfer carrying files, as the browser builds one for a real drag from the desktop. */
export function transferOf(files: readonly File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

export function dispatchDrag(
  target: Element,
  type: 'dragenter' | 'dragover' | 'dragleave' | 'drop',
  transfer: DataTransfer,
): void {
  target.dispatchEvent(
    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
  );
}

export function uploadItems(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-filedock-upload]')];
}
