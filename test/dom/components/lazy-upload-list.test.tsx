/**
 * The uploader's rows (UploadList) come in a chunk of their own, fetched when the uploader mounts.
 * If that chunk cannot be fetched, each upload still shows as a plain row (its name and status)
 * and nothing is thrown into the app; when it can, the rows are the full ones.
 */
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../react/fake-backend.js';

const chunk = { fail: false };

type LazyRows = typeof import('../../../src/components/lazy-upload-list.js');
type Labels = typeof import('../../../src/components/use-labels.js');
const noop = () => undefined;
const api = { cancel: noop, retry: noop, remove: noop, resume: noop, supply: noop };

/** The lazy rows with English labels, from module instances imported after `vi.resetModules`. */
function Rows({
  list: List,
  useLabels,
  uploads,
}: {
  list: LazyRows['LazyUploadList'];
  useLabels: Labels['useLabels'];
  uploads: Parameters<LazyRows['LazyUploadList']>[0]['uploads'];
}) {
  return <List uploads={uploads} api={api} labels={useLabels(undefined)} renderItem={undefined} />;
}

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

  it("renders a pick's rows without suspending once the chunk is there", async () => {
    // renderToString shows a Suspense fallback for anything that suspends, and never waits: the
    // rows in its output mean they rendered in the very pass that first saw the uploads.
    const { renderToString } = await import('react-dom/server');
    const { LazyUploadList, loadUploadList } = await import(
      '../../../src/components/lazy-upload-list.js'
    );
    const { useLabels } = await import('../../../src/components/use-labels.js');
    const { createUploadEngine } = await import('../../../src/core/upload/engine.js');
    const engine = createUploadEngine({ backend: new FakeBackend() });
    engine.add([new File(['# notes'], 'notes.md', { type: 'text/markdown' })]);
    const uploads = engine.getSnapshot().uploads;
    await loadUploadList();
    const html = renderToString(
      <Suspense fallback={<p>waiting</p>}>
        <Rows list={LazyUploadList} useLabels={useLabels} uploads={uploads} />
      </Suspense>,
    );
    expect(html).not.toContain('waiting');
    expect(html).toContain('Cancel upload of notes.md');
  });

  it('shows the full rows once the chunk is there', async () => {
    await renderUploader();
    await pick('notes.md');

    expect(await screen.findByRole('progressbar', { name: 'Upload of notes.md' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel upload of notes.md' })).toBeTruthy();
  });
});
