import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileUploader } from '../../../src/index.js';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';
import { renderWithClient, textFile, uploadItems } from './render.js';

const pick = (files: File[]) =>
  userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choose files to upload'), files);
const itemOf = (name: string) =>
  uploadItems(document.body).find(
    (li) => li.querySelector('.filedock-item-name')?.textContent === name,
  )!;
const phaseOf = (name: string) => itemOf(name)?.getAttribute('data-phase');
const liveText = () => document.querySelector('[data-filedock-live]')!.textContent;

describe('FileUploader rejections', () => {
  it('shows one alert per refused file naming it and the reason: type, size, empty, too many', async () => {
    const { client } = renderWithClient(<FileUploader maxFiles={3} />, {
      rules: { none: { ...defaultPurposeRules.none, maxSize: 20, mimeTypes: ['text/plain'] } },
    });
    await pick([
      textFile('ok.txt'),
      new File(['x'], 'pic.png', { type: 'image/png' }),
      textFile('big.txt', 'x'.repeat(21)),
      textFile('empty.txt', ''),
    ]);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(3));
    const codes = Object.fromEntries(
      uploadItems(document.body).map((li) => [
        li.querySelector('.filedock-item-name')!.textContent,
        li.getAttribute('data-error-code'),
      ]),
    );
    expect(codes).toEqual({
      'ok.txt': null,
      'pic.png': 'file-invalid-type',
      'big.txt': 'file-too-large',
      'empty.txt': 'file-too-small',
    });
    expect(within(itemOf('empty.txt')).getByRole('alert').textContent).toBe(
      'empty.txt was not added: The file is empty.',
    );
    expect(within(itemOf('big.txt')).getByRole('alert').textContent).toBe(
      'big.txt is 21 bytes, more than the 20 bytes limit.',
    );
    await waitFor(() => expect(phaseOf('ok.txt')).toBe('completed'));
    expect(client.control.list().map((f) => f.filename)).toEqual(['ok.txt']);

    await userEvent.click(screen.getByRole('button', { name: 'Remove pic.png' }));
    await waitFor(() => expect(itemOf('pic.png')).toBeUndefined());
  });

  it('refuses files past maxFiles with too-many-files', async () => {
    renderWithClient(<FileUploader maxFiles={1} />);
    const input = screen.getByLabelText<HTMLInputElement>('Choose files to upload');
    expect(input.multiple).toBe(false);
    input.multiple = true; // a drop can still carry several
    await pick([textFile('a.txt'), textFile('b.txt')]);
    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0));
    expect(
      uploadItems(document.body).some(
        (li) => li.getAttribute('data-error-code') === 'too-many-files',
      ),
    ).toBe(true);
  });
});

describe('FileUploader cancel, retry and remove', () => {
  it('cancels an upload held at 40 % (also on the server), then removes it', async () => {
    const { client } = renderWithClient(<FileUploader />, {
      pauseAt: { phase: 'uploading', percent: 40 },
    });
    await pick([textFile('report.txt', '0123456789')]);
    const bar = await screen.findByRole('progressbar', { name: 'Upload of report.txt' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(bar.getAttribute('aria-valuetext')).toBe('40% (4 bytes of 10 bytes)');
    expect(within(itemOf('report.txt')).getByText('Uploading').getAttribute('data-status')).toBe(
      'uploading',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of report.txt' }));
    await waitFor(() => expect(phaseOf('report.txt')).toBe('cancelled'));
    // Cancel reaches the server too.
    await waitFor(() => expect(client.control.list()[0]?.status).toBe('CANCELLED'));
    expect(screen.queryByRole('button', { name: 'Cancel upload of report.txt' })).toBeNull();
    expect(within(itemOf('report.txt')).getByText('Cancelled').getAttribute('data-status')).toBe(
      'cancelled',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Remove report.txt' }));
    await waitFor(() => expect(uploadItems(document.body)).toEqual([]));
  });

  it('fails on a storage 403 with its code and message, and a retry succeeds', async () => {
    const onError = vi.fn();
    const onUploaded = vi.fn();
    renderWithClient(<FileUploader onError={onError} onUploaded={onUploaded} />, {
      faults: [{ route: 'put', status: 403 }],
    });
    await pick([textFile('a.txt')]);
    await waitFor(() => expect(phaseOf('a.txt')).toBe('failed'));
    expect(itemOf('a.txt').getAttribute('data-error-code')).toBe('storage-rejected');
    expect(itemOf('a.txt').textContent).toContain('Storage refused the upload.');
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'storage-rejected', message: 'Storage refused the upload.' }),
      expect.anything(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry upload of a.txt' }));
    await waitFor(() => expect(phaseOf('a.txt')).toBe('completed'));
    expect(onUploaded).toHaveBeenCalledTimes(1);
    expect(onUploaded.mock.calls[0]![0]).toMatchObject({ status: 'COMPLETED', filename: 'a.txt' });
    expect(screen.queryByRole('button', { name: 'Retry upload of a.txt' })).toBeNull();
  });

  it('recovers from an expired session by creating a new one', async () => {
    const { client } = renderWithClient(<FileUploader />, {
      faults: [{ route: 'put', kind: 'expire' }],
    });
    await pick([textFile('late.txt')]);
    await waitFor(() => expect(phaseOf('late.txt')).toBe('completed'));
    expect(
      client.control
        .list()
        .map((f) => f.status)
        .sort(),
    ).toEqual(['COMPLETED', 'EXPIRED']);
  });
});

describe('FileUploader live region', () => {
  it('announces completions and failures politely, not progress', async () => {
    const { client } = renderWithClient(<FileUploader />, {
      faults: [{ route: 'complete', kind: 'checksum', filename: 'bad.txt', times: Infinity }],
      pauseAt: { phase: 'uploading', percent: 50 },
    });
    const region = document.querySelector('[data-filedock-live]')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    await pick([textFile('good.txt', '0123456789'), textFile('bad.txt', '0123456789')]);
    await waitFor(() =>
      expect(
        itemOf('good.txt').querySelector('[role=progressbar]')?.getAttribute('aria-valuenow'),
      ).toBe('50'),
    );
    expect(liveText()).toBe('');
    client.control.setPaused(false);
    await waitFor(() => expect(region.querySelectorAll('p')).toHaveLength(2));
    const lines = [...region.querySelectorAll('p')].map((p) => p.textContent).sort();
    expect(lines).toEqual([
      'bad.txt failed to upload: The file arrived damaged (checksum mismatch).',
      'good.txt uploaded.',
    ]);
  });
});

describe('FileUploader labels', () => {
  it('replaces every visible string through the labels prop and the provider', async () => {
    renderWithClient(
      <FileUploader
        labels={{
          item: {
            cancel: (n) => `Annuler l’envoi de ${n}`,
            progress: (n) => `Envoi de ${n}`,
            progressText: ({ percent, loaded, total }) => `${percent} (${loaded} sur ${total})`,
          },
          phase: { uploading: 'Envoi en cours' },
        }}
      />,
      {
        labels: {
          locale: 'fr',
          dropzone: {
            label: 'Déposer des fichiers',
            idle: 'Glissez vos fichiers ici',
            input: 'Choisir des fichiers',
          },
        },
        pauseAt: { phase: 'uploading', percent: 50 },
      },
    );
    expect(screen.getByRole('button', { name: /^Déposer des fichiers/ }).textContent).toContain(
      'Glissez vos fichiers ici',
    );
    await userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choisir des fichiers'), [
      textFile('note.txt', 'x'.repeat(3000)),
    ]);
    expect(await screen.findByRole('button', { name: 'Annuler l’envoi de note.txt' })).toBeTruthy();
    const bar = await screen.findByRole('progressbar', { name: 'Envoi de note.txt' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'));
    // Sizes are formatted in the provider's locale.
    expect(bar.getAttribute('aria-valuetext')?.replace(/\s/g, ' ')).toBe(
      '50 % (1,5 ko sur 2,9 ko)',
    );
    expect(screen.getByText('Envoi en cours').getAttribute('data-status')).toBe('uploading');
  });
});
