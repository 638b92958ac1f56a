/**
 * The list's delete button comes in a chunk of its own (RowDelete). If that chunk cannot be
 * fetched, the rows still show, without a delete button, and nothing is thrown into the app.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FileList } from '../../../src/components/FileList.js';
import { FakeBackend, fileObject } from '../react/fake-backend.js';
import { renderWithProviders } from '../react/render.js';

vi.mock('../../../src/components/DeleteButton.js', () => {
  throw new Error('chunk could not be fetched');
});

describe('FileList when the delete chunk cannot be fetched', () => {
  it('shows the rows without a delete button', async () => {
    const file = fileObject({ filename: 'kept.pdf', status: 'COMPLETED' });
    const backend = new FakeBackend({
      capabilities: { transfer: 'direct', delete: true, paging: 'cursor' },
      list: () => ({ data: [file] }),
    });
    renderWithProviders(<FileList />, { backend });

    expect(await screen.findByRole('rowheader', { name: 'kept.pdf' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download kept.pdf' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /delete/i })).toBeNull();
  });
});
