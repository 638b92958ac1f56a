/**
 * Server rendering of a list whose first page is already in the cache (an app that prefetched it).
 * What shows once a page has arrived is a chunk of its own (FileTable): a plain renderToString
 * cannot wait for it and renders the loading text; streaming SSR waits and renders the rows.
 */
import { PassThrough } from 'node:stream';
import { QueryClient } from '@tanstack/react-query';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FileList, FilesProvider, filesListQueryOptions } from '../../../src/index.js';
import { createMemoryClient, type MemoryFileSeed } from '../../../src/testing/index.js';

const seeds: MemoryFileSeed[] = [
  { id: 'fil_a', filename: 'ready.pdf', status: 'COMPLETED' },
  { id: 'fil_b', filename: 'waiting.pdf', status: 'PENDING' },
];

/** A provider over a client whose first page (offset 0, 25 rows) is already cached. */
async function prefetched(service: 'lightfield' | 'llamacloud') {
  const client = createMemoryClient({ service, files: seeds });
  const queryClient = new QueryClient();
  const { paging } = client.backend.capabilities;
  await queryClient.prefetchQuery(
    filesListQueryOptions(
      client.backend,
      paging === 'offset' ? { offset: 0, limit: 25 } : { limit: 25 },
    ),
  );
  const tree = (
    <FilesProvider client={client} queryClient={queryClient}>
      <FileList />
    </FilesProvider>
  );
  return { tree, queryClient };
}

function streamed(tree: React.ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const sink = new PassThrough();
    let html = '';
    sink.on('data', (chunk: Buffer) => {
      html += chunk.toString('utf8');
    });
    sink.on('end', () => resolve(html));
    const stream = renderToPipeableStream(tree, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
}

describe('FileList on the server with its page cached', () => {
  for (const service of ['lightfield', 'llamacloud'] as const) {
    it(`renderToString renders the loading text, not the rows (${service})`, async () => {
      const { tree, queryClient } = await prefetched(service);
      expect(queryClient.getQueryCache().getAll()[0]?.state.status).toBe('success');
      const html = renderToString(tree);
      expect(html).toContain('Loading files…');
      expect(html).toContain('data-state="loading"');
      expect(html).not.toContain('data-file-id');
    });

    it(`streaming SSR waits for the table and renders the rows (${service})`, async () => {
      const { tree } = await prefetched(service);
      const html = await streamed(tree);
      expect(html).toContain('data-file-id="fil_a"');
      expect(html).toContain('data-file-id="fil_b"');
      expect(html).toContain('Download ready.pdf');
      expect(html).toContain('Next page');
      // A client that deletes: the delete button's chunk was waited for too.
      if (service === 'llamacloud') expect(html).toContain('Delete ready.pdf');
      // The root says `ready` once the rows are on screen, which is after hydration.
      expect(html).toContain('data-state="loading"');
    });
  }
});
