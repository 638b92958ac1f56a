/**
 * FileUploader over the real Lightfield client in Chromium, and the checks every bad input must
 * pass: the item shows its phase and typed error code, the reason is visible (an alert for a
 * rejection, the error text and a badge for a failure), no page error happened, and a good file
 * dropped afterwards still uploads.
 */
import '../../../src/components/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import {
  createLightfieldClient,
  FilesProvider,
  FileUploader,
  type LightfieldClientOptions,
} from '../../../src/index.js';
import type { PurposeRules } from '../../../src/core/rules/purposes.js';
import type { Purpose } from '../../../src/core/lightfield/schemas.js';
import { control, resetServer, serverFiles, serverUrl, watchPageErrors } from '../chaos/control.js';

let page: ReturnType<typeof watchPageErrors> | undefined;
let seq = 0;

beforeEach(async () => {
  await resetServer();
  page = watchPageErrors();
});
afterEach(() => {
  cleanup();
  page?.stop();
});

export interface Setup {
  purpose?: Purpose;
  rules?: Partial<PurposeRules>;
  client?: Partial<LightfieldClientOptions>;
}

export function renderUploader({ purpose, rules, client }: Setup = {}): void {
  const api = createLightfieldClient({
    baseURL: serverUrl(),
    headers: { Authorization: 'Bearer sk_test_bad_input' },
    retryBaseDelayMs: 10,
    ...client,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <FilesProvider client={api} queryClient={queryClient} {...(rules ? { rules } : {})}>
      <FileUploader {...(purpose ? { purpose } : {})} />
    </FilesProvider>,
  );
}

/** Drops files on the drop area with a real DataTransfer (names reach the app untouched). */
export function drop(...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const area = screen.getByRole('button', { name: /^Upload files/ });
  area.dispatchEvent(
    new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
  );
}

export function items(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-filedock-upload]')];
}

export function itemOf(name: string): HTMLElement | undefined {
  return items().find((li) => li.querySelector('.filedock-item-name')?.textContent === name);
}

export async function settledItem(
  name: string,
  phases: string[] = ['completed', 'failed', 'rejected'],
): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(
    () => {
      found = itemOf(name);
      expect(phases).toContain(found?.dataset.phase);
    },
    { timeout: 20_000 },
  );
  return found!;
}

/** The item refused or failed with `code`, shows why, and the page is intact. */
export async function expectRefused(
  name: string,
  phase: 'rejected' | 'failed',
  code: string,
  reason?: RegExp,
): Promise<HTMLElement> {
  const item = await settledItem(name);
  expect({ phase: item.dataset.phase, code: item.dataset.errorCode }).toEqual({ phase, code });
  if (phase === 'rejected') {
    const alert = within(item).getByRole('alert');
    expect(alert.textContent).toContain(name === '' ? 'was not added' : name);
    if (reason) expect(alert.textContent).toMatch(reason);
  } else {
    expect(item.querySelector('[data-status="failed"]')?.textContent).toBeTruthy();
    const text = item.querySelector('.filedock-item-error')?.textContent ?? '';
    expect(text.length).toBeGreaterThan(0);
    if (reason) expect(text).toMatch(reason);
    expect(within(item).getByRole('button', { name: `Retry upload of ${name}` })).toBeTruthy();
  }
  expect(page?.errors).toEqual([]);
  return item;
}

/** Another upload still works afterwards, and the refused item stays as it was. */
export async function expectOthersUnaffected(refused?: {
  name: string;
  phase: string;
}): Promise<void> {
  await control('faults', undefined, 'DELETE');
  seq += 1;
  const name = `good-${seq}.txt`;
  drop(new File([`fine ${seq}`], name, { type: 'text/plain' }));
  const item = await settledItem(name);
  expect(item.dataset.phase).toBe('completed');
  if (refused) expect(itemOf(refused.name)?.dataset.phase).toBe(refused.phase);
  expect(page?.errors).toEqual([]);
}

/** Files the server holds under a picked name. */
export async function sessionsNamed(name: string) {
  return (await serverFiles()).filter((f) => f.originalFilename === name);
}
