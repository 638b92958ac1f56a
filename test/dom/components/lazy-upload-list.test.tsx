/**
 * The uploader's rows (UploadList) come in a chunk of their own, fetched when the uploader mounts.
 * If that chunk cannot be fetched, each upload still shows as a plain row (its name and status)
 * and nothing is thrown into the app; when it can, the rows are the full ones.
 */
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../react/fake-backend.js';

const chunk = { fail: false };

async function renderUploader() {
  const { FileUploader } = await import('../../../src/components/FileUploader.js');
  const { renderWithProviders } = await import('../react/render.js');
  return renderWithProviders(<FileUploader checksum={false} />, {
    // Files wait in the queue: the rows are what this test is about, not the uploads.
    backend: new FakeBackend(),
  });
}

async function pick(name: string) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  await userEvent.setup().upload(input, new File(['# notes'], name, { type: 'text/markdown' }));
}

beforeEach(() => {
  vi.resetModules();
  vi.doMock('../../../src/components/UploadList.js', async (importOriginal) => {
    if (chunk.fail) throw new Error('chunk could not be fetched');
    return importOriginal();
  });
});

afterEach(() => {
  chunk.fail = false;
});

describe('FileUploader rows chunk', () => {
  it('shows each upload as a plain row when the chunk cannot be fetched', async () => {
    chunk.fail = true;
    await renderUploader();
    await pick('notes.md');

    const list = await screen.findByRole('list', { name: 'Uploads' });
    const row = within(list).getByRole('listitem');
    expect(row.getAttribute('data-filedock-upload')).toBe('');
    expect(row.getAttribute('data-phase')).toBeTruthy();
    expect(within(row).getByText('notes.md')).toBeTruthy();
    expect(row.querySelector('[data-status]')?.getAttribute('data-status')).toBe(
      row.getAttribute('data-phase'),
    );
    // The full row's parts are not there.
    expect(within(row).queryByRole('progressbar')).toBeNull();
  });

  it('shows the full rows once the chunk is there', async () => {
    await renderUploader();
    await pick('notes.md');

    expect(await screen.findByRole('progressbar', { name: 'Upload of notes.md' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel upload of notes.md' })).toBeTruthy();
  });
});
