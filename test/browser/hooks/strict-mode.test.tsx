import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FilesProvider, useFileUpload, type UseFileUploadResult } from '../../../src/index.js';
import { makeClient, resetServer, serverRequests } from './server.js';

beforeEach(() => resetServer());

function Uploader({ expose }: { expose: (api: UseFileUploadResult) => void }) {
  const api = useFileUpload();
  expose(api);
  return (
    <ul>
      {api.uploads.map((u) => (
        <li key={u.localId} data-phase={u.phase}>
          {u.file.name}
        </li>
      ))}
    </ul>
  );
}

describe('useFileUpload in Chromium under StrictMode', () => {
  it('sends exactly one create per file, as the server logs them', async () => {
    let api: UseFileUploadResult | undefined;
    render(
      <StrictMode>
        <FilesProvider client={makeClient()}>
          <Uploader expose={(value) => (api = value)} />
        </FilesProvider>
      </StrictMode>,
    );
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    api!.add([
      new File([bytes], 'one.bin', { type: 'application/octet-stream' }),
      new File(['two'], 'two.txt', { type: 'text/plain' }),
    ]);

    await waitFor(() => expect(screen.getByText('one.bin').dataset.phase).toBe('completed'), {
      timeout: 10_000,
    });
    await waitFor(() => expect(screen.getByText('two.txt').dataset.phase).toBe('completed'), {
      timeout: 10_000,
    });
    const log = await serverRequests();
    expect(log.filter((r) => r.route === 'create' && r.method === 'POST')).toHaveLength(2);
    expect(log.filter((r) => r.route === 'complete' && r.status === 200)).toHaveLength(2);
  });
});
