/**
 * Security through the real client in Chromium: a full flow (create → PUT → complete → list →
 * download) never sends the API's headers to storage, checked from the server's request log;
 * and filenames carrying markup render as text in FileUploader and FileList.
 */
import '../../../src/components/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  createLightfieldClient,
  FileList,
  FilesProvider,
  FileUploader,
} from '../../../src/index.js';
import { requestLog, resetServer, serverUrl, watchPageErrors } from '../chaos/control.js';

const MARKUP = '<img src=x onerror="window.__filedockPwned=1">.txt';
let page: ReturnType<typeof watchPageErrors>;

beforeEach(async () => {
  await resetServer();
  page = watchPageErrors();
  delete (window as { __filedockPwned?: number }).__filedockPwned;
});
afterEach(() => {
  cleanup();
  page.stop();
});

function renderApp(onDownload?: (url: string) => void) {
  const client = createLightfieldClient({
    baseURL: serverUrl(),
    headers: { Authorization: 'Bearer sk_test_security' },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <FilesProvider client={client} queryClient={queryClient}>
      <FileUploader />
      <FileList {...(onDownload ? { onDownload } : {})} />
    </FilesProvider>,
  );
}

function drop(file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  screen
    .getByRole('button', { name: /^Upload files/ })
    .dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
}

describe('API headers never reach storage', () => {
  it('no PUT or download request carries Authorization or Lightfield-Version; every API call does', async () => {
    const downloads: string[] = [];
    renderApp((url) => {
      downloads.push(url);
      void fetch(url).then((r) => r.text());
    });
    drop(new File(['secret-free bytes'], 'headers.txt', { type: 'text/plain' }));
    const row = await screen.findByRole('row', { name: /headers\.txt/ }, { timeout: 10_000 });
    await waitFor(() => expect(row.querySelector('[data-status="COMPLETED"]')).not.toBeNull());
    await userEvent.click(within(row).getByRole('button', { name: /Download/ }));
    await waitFor(async () =>
      expect((await requestLog()).some((r) => r.route === 'download' && r.status === 200)).toBe(
        true,
      ),
    );

    const log = (await requestLog()).filter((r) => r.method !== 'OPTIONS');
    const storage = log.filter((r) => r.route === 'put' || r.route === 'download');
    expect(storage.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'PUT put 200',
      'GET download 200',
    ]);
    for (const r of storage) {
      expect({
        route: r.route,
        authorization: r.headers.authorization,
        version: r.headers['lightfield-version'],
      }).toEqual({ route: r.route, authorization: undefined, version: undefined });
    }
    const api = log.filter((r) => r.route !== 'put' && r.route !== 'download');
    expect(api.length).toBeGreaterThanOrEqual(4); // create, complete, list, url
    // The server's log keeps a fingerprint of the credential, never the credential itself.
    const key = await redactedCredential('Bearer sk_test_security');
    for (const r of api)
      expect([r.route, r.headers.authorization, r.headers['lightfield-version']]).toEqual([
        r.route,
        key,
        '2026-03-01',
      ]);
    expect(downloads).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });
});

describe('filenames with markup render as text', () => {
  it('in FileUploader (refused and uploaded items) and in FileList', async () => {
    renderApp(() => undefined);
    drop(new File(['x'], MARKUP, { type: 'text/plain' }));
    await waitFor(() =>
      expect(document.querySelectorAll('[data-filedock-upload]')).toHaveLength(1),
    );
    drop(new File([''], '<b onmouseover=alert(1)>empty</b>.txt', { type: 'text/plain' }));
    // The list may first show the file PENDING (its page can load between create and complete),
    // so wait for both views to settle.
    await waitFor(
      () => {
        const item = [...document.querySelectorAll('[data-filedock-upload]')].find((li) =>
          li.textContent?.includes(MARKUP),
        );
        expect(item?.getAttribute('data-phase')).toBe('completed');
        const row = [...document.querySelectorAll('[data-file-id]')].find((r) =>
          r.textContent?.includes(MARKUP),
        );
        expect(row?.querySelector('[data-status="COMPLETED"]')).not.toBeNull();
      },
      { timeout: 10_000 },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('<b onmouseover=alert(1)>empty</b>.txt');
    // Nothing was parsed as HTML: no injected elements, no handler ran.
    expect(document.querySelectorAll('img, b').length).toBe(0);
    expect((window as { __filedockPwned?: number }).__filedockPwned).toBeUndefined();
    expect(page.errors).toEqual([]);
  });
});

/** What the reference server's request log shows for a credential (see `redactCredential`). */
async function redactedCredential(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const [scheme] = value.split(' ');
  return `${scheme} [redacted sha256:${hex.slice(0, 12)}]`;
}
