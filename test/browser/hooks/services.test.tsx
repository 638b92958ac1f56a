/**
 * The hooks and FileList against the LlamaCloud and xAI reference servers, in Chromium: cursor
 * paging with a short gcTime, delete behind a confirmation, bytes download, dashes for what a
 * service does not report, and per-client cache scopes.
 */
import '../../../src/components/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  FileList,
  FilesProvider,
  FileUploader,
  filesQueryKeys,
  useFileUrl,
} from '../../../src/index.js';
import {
  clientOf,
  requestsOf,
  resetService,
  SERVICES,
  seed,
  type ServiceName,
} from './services.js';

beforeEach(async () => {
  await Promise.all(SERVICES.map((service) => resetService(service)));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** No retries, so a failure shows at once; `gcTime` short where a test needs evictions. */
const queryClientWith = (gcTime = 300_000) =>
  new QueryClient({ defaultOptions: { queries: { retry: false, gcTime } } });

const rowNames = (root: ParentNode = document) =>
  [...root.querySelectorAll('tr[data-file-id] th')].map((th) => th.textContent);

describe.each<ServiceName>(['llamacloud', 'xai'])('FileList over %s', (service) => {
  it('pages by cursor both ways after the earlier pages left the cache (gcTime 20 ms)', async () => {
    await seed(service, 30);
    const client = clientOf(service);
    const queryClient = queryClientWith(20);
    render(
      <FilesProvider client={client} queryClient={queryClient}>
        <FileList limit={10} />
      </FilesProvider>,
    );
    const pages: (string | null)[][] = [];
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    pages.push(rowNames());
    const next = screen.getByRole('button', { name: 'Next page' });
    const previous = screen.getByRole('button', { name: 'Previous page' });
    for (const page of [2, 3]) {
      await waitFor(() => expect(next).toBeEnabled());
      await userEvent.click(next);
      await waitFor(() => expect(screen.getByText(new RegExp(`^Page ${page}`))).toBeVisible());
      await waitFor(() => expect(rowNames()).not.toEqual(pages.at(-1)));
      await waitFor(() => expect(rowNames()).toHaveLength(10));
      pages.push(rowNames());
    }
    expect(new Set(pages.flat()).size).toBe(30);

    // Pages 1 and 2 are no longer watched: wait until the cache has dropped them.
    const keys = filesQueryKeys.scoped(client.backend.scope);
    await waitFor(() =>
      expect(queryClient.getQueryCache().findAll({ queryKey: keys.lists() })).toHaveLength(1),
    );

    await userEvent.click(previous);
    await waitFor(() => expect(rowNames()).toEqual(pages[1]));
    await userEvent.click(previous);
    await waitFor(() => expect(rowNames()).toEqual(pages[0]));
    expect(previous).toBeDisabled();
    await userEvent.click(next);
    await waitFor(() => expect(rowNames()).toEqual(pages[1]));
  });

  it('deletes a row only once confirmed; a click then a stray Enter, or a double click, keeps it', async () => {
    const [, second] = await seed(service, 3);
    render(
      <FilesProvider client={clientOf(service)} queryClient={queryClientWith()}>
        <FileList />
      </FilesProvider>,
    );
    const name = second!.filename;
    await userEvent.click(await screen.findByRole('button', { name: `Delete ${name}` }));
    expect(screen.getByRole('button', { name: `Keep ${name}` })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Delete ${name}` })).toHaveFocus(),
    );
    expect(rowNames()).toContain(name);
    // The second click of a double click lands on Keep, which sits where Delete was.
    await userEvent.dblClick(screen.getByRole('button', { name: `Delete ${name}` }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Delete ${name}` })).toHaveFocus(),
    );
    expect(screen.queryByRole('button', { name: `Confirm delete ${name}` })).toBeNull();
    expect(rowNames()).toContain(name);
    const afterStray = await requestsOf(service);
    expect(afterStray.filter((r) => r.method === 'DELETE')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: `Delete ${name}` }));
    await userEvent.click(screen.getByRole('button', { name: `Confirm delete ${name}` }));
    await waitFor(() => expect(rowNames()).not.toContain(name));
    expect(rowNames()).toHaveLength(2);
    const deletes = (await requestsOf(service)).filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.path).toContain(second!.id);
    await expect(clientOf(service).backend.retrieve(second!.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe.each<ServiceName>(['llamacloud', 'xai'])(
  'FileUploader and FileList over %s',
  (service) => {
    it('uploads in one request and lists the new file at once, with the size of the file picked', async () => {
      render(
        <FilesProvider client={clientOf(service)} queryClient={queryClientWith()}>
          <FileUploader />
          <FileList />
        </FilesProvider>,
      );
      const bytes = new Uint8Array(300 * 1024).map((_, i) => i % 251);
      await userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choose files to upload'), [
        new File([bytes], 'report.bin', { type: 'application/octet-stream' }),
      ]);
      await waitFor(
        () =>
          expect(document.querySelector('[data-filedock-upload]')?.getAttribute('data-phase')).toBe(
            'completed',
          ),
        { timeout: 10_000 },
      );
      await waitFor(() => expect(rowNames()).toEqual(['report.bin']));
      expect(document.querySelector('tr[data-file-id] .filedock-cell-size')?.textContent).toBe(
        '300 kB',
      );
      const log = await requestsOf(service);
      expect(log.filter((r) => r.route === 'upload' && r.method === 'POST')).toHaveLength(1);
    });
  },
);

function Link({ id }: { id: string }) {
  const { data } = useFileUrl(id);
  return data ? <a href={data.url}>Download</a> : <span>No link</span>;
}

describe.each(SERVICES)('useFileUrl over %s', (service) => {
  it('gives a link whose content is the stored bytes', async () => {
    const [file] = await seed(service, 1);
    render(
      <FilesProvider client={clientOf(service)} queryClient={queryClientWith()}>
        <Link id={file!.id} />
      </FilesProvider>,
    );
    const link = await screen.findByRole('link', { name: 'Download' });
    const href = link.getAttribute('href')!;
    // xAI hands out bytes, so the link is an object URL; the others sign one.
    expect(href.startsWith('blob:')).toBe(service === 'xai');
    const body = new Uint8Array(await (await fetch(href)).arrayBuffer());
    expect(body).toEqual(file!.bytes);
  });
});

describe('FileList over LlamaCloud', () => {
  it('shows a dash, not NaN or Invalid Date, for the size and date the service does not report', async () => {
    await seed('llamacloud', 2);
    render(
      <FilesProvider client={clientOf('llamacloud')} queryClient={queryClientWith()}>
        <FileList />
      </FilesProvider>,
    );
    await waitFor(() => expect(rowNames()).toHaveLength(2));
    for (const cell of document.querySelectorAll('.filedock-cell-size, .filedock-cell-created')) {
      expect(cell.hasAttribute('data-missing')).toBe(true);
      expect(cell.querySelector('[aria-hidden="true"]')?.textContent).toBe('—');
    }
    expect(document.body.textContent).not.toMatch(/NaN|Invalid Date/);
    // No download link is handed out before the user asks for one.
    expect((await requestsOf('llamacloud')).filter((r) => r.path.includes('/content'))).toEqual([]);
  });
});

describe('FileList over xAI', () => {
  it('downloads through the client: the saved Blob holds the uploaded bytes, and its URL is revoked', async () => {
    const [file] = await seed('xai', 1, () => 'payload.txt');
    const made: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return `blob:filedock-test/${made.length}`;
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const onDownload = vi.fn();
    render(
      <FilesProvider client={clientOf('xai')} queryClient={queryClientWith()}>
        <FileList onDownload={onDownload} />
      </FilesProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Download payload.txt' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(create).toHaveBeenCalledTimes(1);
    expect(onDownload).toHaveBeenCalledWith(
      'blob:filedock-test/1',
      expect.objectContaining({ id: file!.id }),
    );
    expect(new Uint8Array(await made[0]!.arrayBuffer())).toEqual(file!.bytes);
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:filedock-test/1'), {
      timeout: 3_000,
    });
    const log = await requestsOf('xai');
    expect(log.filter((r) => r.route === 'content' && r.method === 'GET')).toHaveLength(1);
  });
});

describe('two providers of different services on one QueryClient', () => {
  it('never share cache entries: each list shows its own service’s files', async () => {
    await seed('lightfield', 2, (i) => `lightfield-${i}.txt`);
    await seed('xai', 3, (i) => `xai-${i}.txt`);
    const queryClient = queryClientWith();
    const lightfield = clientOf('lightfield');
    const xai = clientOf('xai');
    render(
      <>
        <section aria-label="Lightfield">
          <FilesProvider client={lightfield} queryClient={queryClient}>
            <FileList />
          </FilesProvider>
        </section>
        <section aria-label="xAI">
          <FilesProvider client={xai} queryClient={queryClient}>
            <FileList />
          </FilesProvider>
        </section>
      </>,
    );
    const lightfieldList = screen.getByRole('region', { name: 'Lightfield' });
    const xaiList = screen.getByRole('region', { name: 'xAI' });
    await waitFor(() => expect(rowNames(lightfieldList)).toHaveLength(2));
    await waitFor(() => expect(rowNames(xaiList)).toHaveLength(3));
    expect(rowNames(lightfieldList).every((n) => n?.startsWith('lightfield-'))).toBe(true);
    expect(rowNames(xaiList).every((n) => n?.startsWith('xai-'))).toBe(true);
    expect(within(lightfieldList).queryByRole('button', { name: /^Delete / })).toBeNull();
    expect(within(xaiList).getAllByRole('button', { name: /^Delete / })).toHaveLength(3);

    expect(lightfield.backend.scope).not.toBe(xai.backend.scope);
    for (const { backend } of [lightfield, xai]) {
      const lists = queryClient
        .getQueryCache()
        .findAll({ queryKey: filesQueryKeys.scoped(backend.scope).lists() });
      expect(lists.length).toBeGreaterThan(0);
    }
  });
});
