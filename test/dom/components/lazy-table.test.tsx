/**
 * What FileList shows once a page has arrived (FileTable) comes in a chunk of its own. Until it is
 * there the list says it is loading, with no rows; if it cannot be fetched the list shows its
 * error state, and Retry fetches it again; nothing is thrown into the app.
 */
import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend, fileObject } from '../react/fake-backend.js';

// Each import of the chunk asks `chunk`: wait for `gate` first, then fail or load.
const chunk = {
  imports: 0,
  fail: false,
  gate: undefined as Promise<void> | undefined,
};

const root = () => document.querySelector('[data-filedock-file-list]');

function listWith(filename: string) {
  const file = fileObject({ filename, status: 'COMPLETED' });
  return new FakeBackend({ list: () => ({ data: [file] }) });
}

// A fresh module registry per test: each list starts with the chunk not yet loaded.
async function renderList(backend: FakeBackend) {
  const { FileList } = await import('../../../src/components/FileList.js');
  const { renderWithProviders } = await import('../react/render.js');
  return renderWithProviders(<FileList />, { backend });
}

beforeEach(() => {
  vi.resetModules();
  vi.doMock('../../../src/components/FileTable.js', async (importOriginal) => {
    chunk.imports += 1;
    await chunk.gate;
    if (chunk.fail) throw new Error('chunk could not be fetched');
    return importOriginal();
  });
});

afterEach(() => {
  chunk.fail = false;
  chunk.gate = undefined;
});

describe('FileList while the table chunk loads', () => {
  it('shows the list error, then the rows after Retry, when the chunk cannot be fetched', async () => {
    chunk.fail = true;
    const user = userEvent.setup();
    const backend = listWith('report.pdf');
    await renderList(backend);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The files could not be loaded. The connection was lost.');
    expect(root()?.getAttribute('data-state')).toBe('error');
    expect(alert.parentElement?.getAttribute('data-error-code')).toBe('network');
    expect(screen.queryByRole('table')).toBeNull();

    chunk.fail = false;
    const importsBefore = chunk.imports;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('rowheader', { name: 'report.pdf' })).toBeTruthy();
    expect(chunk.imports).toBe(importsBefore + 1);
    expect(root()?.getAttribute('data-state')).toBe('ready');
    expect(screen.queryByRole('alert')).toBeNull();
    // The page arrived once: Retry fetched the code, not the files.
    expect(backend.calls.filter((call) => call.method === 'list')).toHaveLength(1);
  });

  it('keeps saying loading, with no rows, until the chunk is there', async () => {
    let release = () => {};
    chunk.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const backend = listWith('late.pdf');
    const { queryClient } = await renderList(backend);

    // The page has arrived and React has taken it; the table's code has not.
    await vi.waitFor(() =>
      expect(
        queryClient
          .getQueryCache()
          .getAll()
          .some((query) => query.state.status === 'success'),
      ).toBe(true),
    );
    await act(async () => {});
    expect(root()?.getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('Loading files…');
    expect(screen.queryByRole('rowheader')).toBeNull();

    await act(async () => release());
    expect(await screen.findByRole('rowheader', { name: 'late.pdf' })).toBeTruthy();
    expect(root()?.getAttribute('data-state')).toBe('ready');
    expect(screen.queryByText('Loading files…')).toBeNull();
  });
});
