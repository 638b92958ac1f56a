import { screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileList, FileUploader } from '../../../src/index.js';
import { renderWithClient, textFile } from './render.js';

async function violations(root: Element): Promise<string[]> {
  // `region` judges a whole page's landmarks; these components sit inside the app's own.
  const result = await axe.run(root, {
    resultTypes: ['violations'],
    rules: { region: { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** An uploader showing every kind of item: uploading (held), failed, rejected and completed. */
async function busyUploader(theme?: 'light' | 'dark'): Promise<void> {
  renderWithClient(<FileUploader purpose="knowledge_user" {...(theme ? { theme } : {})} />, {
    pauseAt: { phase: 'uploading', percent: 40 },
    faults: [{ route: 'create', status: 403, filename: 'denied.txt' }],
  });
  await userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choose files to upload'), [
    textFile('held.txt', '0123456789'),
    textFile('denied.txt'),
    new File(['x'], 'photo.png', { type: 'image/png' }),
  ]);
  await waitFor(() => {
    const phases = [...document.querySelectorAll('[data-filedock-upload]')].map((li) =>
      li.getAttribute('data-phase'),
    );
    expect(phases).toEqual(['uploading', 'failed', 'rejected']);
  });
}

describe('axe', () => {
  it('finds nothing on an idle uploader', async () => {
    const { container } = renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    expect(await violations(container)).toEqual([]);
  });

  it('finds nothing on an uploader with uploading, failed and rejected items (light and dark)', async () => {
    await busyUploader();
    expect(await violations(document.body)).toEqual([]);
  });

  it('finds nothing on the dark theme', async () => {
    await busyUploader('dark');
    expect(document.querySelector('[data-filedock-uploader]')?.getAttribute('data-theme')).toBe(
      'dark',
    );
    expect(await violations(document.body)).toEqual([]);
  });

  it('finds nothing on a disabled uploader', async () => {
    const { container } = renderWithClient(<FileUploader disabled />);
    expect(await violations(container)).toEqual([]);
  });

  it('finds nothing on a file list with every status, and on its error state', async () => {
    const { container, unmount } = renderWithClient(<FileList />, {
      files: (['COMPLETED', 'PENDING', 'CANCELLED', 'EXPIRED'] as const).map((status, i) => ({
        filename: `${status}.pdf`,
        status,
        sizeBytes: 2048 * (i + 1),
      })),
    });
    await waitFor(() => expect(container.querySelectorAll('tr[data-file-id]')).toHaveLength(4));
    expect(await violations(container)).toEqual([]);
    unmount();
    const failing = renderWithClient(<FileList theme="dark" />, {
      faults: [{ route: 'list', status: 500 }],
    });
    await screen.findByRole('alert');
    expect(await violations(failing.container)).toEqual([]);
  });
});
