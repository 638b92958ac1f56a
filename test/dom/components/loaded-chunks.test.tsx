/**
 * The list's table and an interrupted upload's resume note come in chunks of their own. Once a
 * chunk is there, what it holds renders in the very pass that first needs it: no Suspense fallback
 * in between (React would commit the fallback and pace the reveal).
 *
 * renderToString shows a Suspense fallback for anything that suspends, and never waits: what is in
 * its output rendered without suspending.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh module registry per test: nothing has rendered the lazy components yet.
beforeEach(() => {
  vi.resetModules();
});

/** A list over a client whose first page is already cached, rendered to a string. */
async function listHtml(service: 'lightfield' | 'llamacloud') {
  const { renderToString } = await import('react-dom/server');
  const { QueryClient } = await import('@tanstack/react-query');
  const { FileList, FilesProvider, filesListQueryOptions } = await import('../../../src/index.js');
  const { loadFileTable } = await import('../../../src/components/lazy-file-table.js');
  const { createMemoryClient } = await import('../../../src/testing/index.js');
  const client = createMemoryClient({
    service,
    files: [{ id: 'fil_a', filename: 'ready.pdf', status: 'COMPLETED' }],
  });
  const queryClient = new QueryClient();
  const { paging } = client.backend.capabilities;
  await queryClient.prefetchQuery(
    filesListQueryOptions(
      client.backend,
      paging === 'offset' ? { offset: 0, limit: 25 } : { limit: 25 },
    ),
  );
  // What FileList's mount does before the page arrives.
  await loadFileTable(client.backend.capabilities.delete);
  return renderToString(
    <FilesProvider client={client} queryClient={queryClient}>
      <FileList />
    </FilesProvider>,
  );
}

describe('FileList once the table chunk is there', () => {
  it('renders the rows without suspending', async () => {
    const html = await listHtml('lightfield');
    expect(html).not.toContain('Loading files…');
    expect(html).toContain('data-file-id="fil_a"');
    expect(html).toContain('Download ready.pdf');
  });

  it('renders the rows with their delete button without suspending, on a client that deletes', async () => {
    const html = await listHtml('llamacloud');
    expect(html).not.toContain('Loading files…');
    expect(html).toContain('data-file-id="fil_a"');
    expect(html).toContain('Delete ready.pdf');
  });
});

describe('An interrupted upload once the resume chunk is there', () => {
  it('renders its resume note without suspending', async () => {
    const { renderToString } = await import('react-dom/server');
    const { UploadItem } = await import('../../../src/components/UploadItem.js');
    const { loadInterrupted } = await import('../../../src/components/lazy-interrupted.js');
    const { createUploadEngine } = await import('../../../src/core/upload/engine.js');
    const { FakeBackend } = await import('../react/fake-backend.js');
    const engine = createUploadEngine({ backend: new FakeBackend() });
    engine.add([new File(['# notes'], 'notes.md', { type: 'text/markdown' })]);
    const [queued] = engine.getSnapshot().uploads;
    if (!queued) throw new Error('no upload');
    const upload = { ...queued, phase: 'interrupted', interruption: 'choose-again' } as const;
    const noop = () => undefined;
    // What FileUploader's mount does when it resumes.
    await loadInterrupted();
    const html = renderToString(
      <UploadItem upload={upload} cancel={noop} retry={noop} remove={noop} supply={noop} />,
    );
    expect(html).toContain('The page was reloaded during the upload of notes.md.');
    expect(html).toContain('Choose notes.md again');
  });
});
