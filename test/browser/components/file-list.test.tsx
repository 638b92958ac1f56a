import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileList } from '../../../src/index.js';
import type { MemoryFileSeed } from '../../../src/testing/index.js';
import { renderWithClient } from './render.js';

const T0 = Date.parse('2026-11-01T12:00:00.000Z');
const seeds = (count: number): MemoryFileSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `fil_${String(i).padStart(3, '0')}`,
    filename: `doc-${i}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: 1024 * (i + 1),
    createdAt: new Date(T0 + i * 60_000).toISOString(),
  }));

const rowIds = () =>
  [...document.querySelectorAll('tr[data-file-id]')].map((tr) => tr.getAttribute('data-file-id'));

describe('FileList', () => {
  it('says ready only while its rows are in the document, from the first page to the next', async () => {
    // First in this file, so the table's chunk is fetched here: checked at every change of the
    // list's DOM, whenever the chunk arrives.
    const states: string[] = [];
    const mismatches: string[] = [];
    const observer = new MutationObserver(() => {
      const root = document.querySelector('[data-filedock-file-list]');
      const state = root?.getAttribute('data-state');
      if (!root || !state) return;
      if (states.at(-1) !== state) states.push(state);
      const rows = root.querySelectorAll('tr[data-file-id]').length;
      if ((state === 'ready') !== rows > 0) mismatches.push(`${state} with ${rows} rows`);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
    try {
      renderWithClient(<FileList />, { files: seeds(30), latencyMs: 20 });
      await waitFor(() => expect(rowIds()).toHaveLength(25));
      await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(rowIds()).toHaveLength(5));
    } finally {
      observer.disconnect();
    }
    expect(mismatches).toEqual([]);
    expect(states).toEqual(['loading', 'ready']);
  });

  it('shows 25 rows per page with working Previous/Next buttons, disabled at the ends', async () => {
    renderWithClient(<FileList />, { files: seeds(30) });
    await waitFor(() => expect(rowIds()).toHaveLength(25));
    expect(rowIds()[0]).toBe('fil_029'); // newest first
    const previous = screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement;
    const next = screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    expect(next.disabled).toBe(false);
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();

    await userEvent.click(next);
    await waitFor(() =>
      expect(rowIds()).toEqual(['fil_004', 'fil_003', 'fil_002', 'fil_001', 'fil_000']),
    );
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect(next.disabled).toBe(true);
    expect(previous.disabled).toBe(false);
    await userEvent.click(previous);
    await waitFor(() => expect(rowIds()).toHaveLength(25));
  });

  it('shows name, size, created date and a status badge per row; download only on COMPLETED', async () => {
    renderWithClient(<FileList labels={{ timeZone: 'UTC' }} />, {
      files: [
        {
          id: 'fil_a',
          filename: 'done.pdf',
          sizeBytes: 1536,
          createdAt: '2026-11-01T12:00:00.000Z',
          status: 'COMPLETED',
        },
        {
          id: 'fil_b',
          filename: 'waiting.pdf',
          createdAt: '2026-11-01T11:00:00.000Z',
          status: 'PENDING',
        },
        {
          id: 'fil_c',
          filename: 'gone.pdf',
          createdAt: '2026-11-01T10:00:00.000Z',
          status: 'EXPIRED',
        },
        {
          id: 'fil_d',
          filename: 'stopped.pdf',
          createdAt: '2026-11-01T09:00:00.000Z',
          status: 'CANCELLED',
        },
      ],
    });
    const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-file-id="${id}"]`)!;
    await waitFor(() => expect(rowIds()).toEqual(['fil_a', 'fil_b', 'fil_c', 'fil_d']));
    const done = within(row('fil_a'));
    expect(done.getByRole('rowheader').textContent).toBe('done.pdf');
    expect(row('fil_a').textContent).toContain('1.5 kB');
    expect(row('fil_a').textContent).toContain('Nov 1, 2026');
    expect(done.getByText('Completed').getAttribute('data-status')).toBe('COMPLETED');
    expect(done.getByRole('button', { name: 'Download done.pdf' })).toBeTruthy();
    for (const [id, text] of [
      ['fil_b', 'Pending'],
      ['fil_c', 'Expired'],
      ['fil_d', 'Cancelled'],
    ] as const) {
      expect(within(row(id)).getByText(text).getAttribute('data-status')).toBe(text.toUpperCase());
      expect(within(row(id)).queryByRole('button')).toBeNull();
    }
  });

  it('fetches a download URL on click and hands it over', async () => {
    const onDownload = vi.fn();
    const { client } = renderWithClient(<FileList onDownload={onDownload} />, {
      files: [{ id: 'fil_a', filename: 'a.pdf' }],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Download a.pdf' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(onDownload.mock.calls[0]![0]).toBe('memory://files/fil_a/content');
    expect(client.control.calls.filter((c) => c.route === 'url')).toHaveLength(1);
  });

  it('shows loading, then empty', async () => {
    renderWithClient(<FileList />, { pauseAt: undefined, latencyMs: 50 });
    expect(screen.getByRole('status').textContent).toBe('Loading files…');
    expect(await screen.findByText('No files yet')).toBeTruthy();
    expect(document.querySelector('[data-filedock-file-list]')?.getAttribute('data-state')).toBe(
      'empty',
    );
  });

  it('shows an error with a working retry', async () => {
    renderWithClient(<FileList />, { faults: [{ route: 'list', status: 503 }], files: seeds(2) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The files could not be loaded. The service is unavailable right now.',
    );
    expect(alert.parentElement?.getAttribute('data-error-code')).toBe('service_unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rowIds()).toEqual(['fil_001', 'fil_000']));
  });
});
