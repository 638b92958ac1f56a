import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { FilesProvider, useFiles } from '../../../src/index.js';
import { makeClient, resetServer, seedFiles, serverRequests } from './server.js';

beforeEach(() => resetServer());

function Pager() {
  const {
    data,
    page,
    pageCount,
    totalCount,
    hasNextPage,
    hasPreviousPage,
    setPage,
    isPlaceholderData,
  } = useFiles();
  return (
    <section aria-busy={isPlaceholderData}>
      <p data-testid="status">{`Page ${page} of ${pageCount ?? '?'} (${totalCount ?? '?'} files)`}</p>
      <ul>
        {data?.data.map((f) => (
          <li key={f.id} data-file-id={f.id}>
            {f.filename}
          </li>
        ))}
      </ul>
      <button type="button" disabled={!hasPreviousPage} onClick={() => setPage((p) => p - 1)}>
        Previous page
      </button>
      <button type="button" disabled={!hasNextPage} onClick={() => setPage((p) => p + 1)}>
        Next page
      </button>
    </section>
  );
}

const shownIds = () =>
  [...document.querySelectorAll('[data-file-id]')].map((el) => el.getAttribute('data-file-id'));

describe('useFiles in Chromium against the reference server', () => {
  it('pages over 60 files, 25 at a time, prefetching the next page', async () => {
    const seeded = await seedFiles(60);
    render(
      <FilesProvider client={makeClient()}>
        <Pager />
      </FilesProvider>,
    );
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.textContent).toBe('Page 1 of 3 (60 files)'));
    expect(shownIds()).toHaveLength(25);
    const next = screen.getByRole('button', { name: 'Next page' });
    const previous = screen.getByRole('button', { name: 'Previous page' });
    expect(previous).toBeDisabled();
    await waitFor(async () => {
      const lists = (await serverRequests())
        .filter((r) => r.route === 'list' && r.method === 'GET')
        .map((r) => new URL(r.path, 'http://x').searchParams.get('offset') ?? '0');
      expect(lists).toEqual(['0', '25']);
    });

    const seen = new Set(shownIds());
    await userEvent.click(next);
    await waitFor(() => expect(status.textContent).toBe('Page 2 of 3 (60 files)'));
    await waitFor(() => expect(shownIds().some((id) => seen.has(id))).toBe(false));
    for (const id of shownIds()) seen.add(id);

    await userEvent.click(next);
    await waitFor(() => expect(shownIds()).toHaveLength(10));
    expect(status.textContent).toBe('Page 3 of 3 (60 files)');
    for (const id of shownIds()) seen.add(id);
    expect(next).toBeDisabled();
    expect(previous).toBeEnabled();
    expect(seen).toEqual(new Set(seeded.map((f) => f.id)));
  });
});
