import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FilesProvider, useFileUrl } from '../../../src/index.js';
import { makeClient, resetServer, seedFiles, serverRequests, setServerConfig } from './server.js';

beforeEach(() => resetServer());

interface Seen {
  expiresAt: string;
  seenAt: number;
}

function Link({ id, onUrl }: { id: string; onUrl: (seen: Seen) => void }) {
  const { data } = useFileUrl(id);
  if (data?.expiresAt) onUrl({ expiresAt: data.expiresAt, seenAt: Date.now() });
  return data ? (
    <a href={data.url} data-expires-at={data.expiresAt}>
      Download
    </a>
  ) : (
    <span>No link</span>
  );
}

describe('useFileUrl in Chromium against the reference server', () => {
  it('fetches a fresh download URL before the current one expires, and the URL works', async () => {
    const [file] = await seedFiles(1);
    await setServerConfig({ downloadTtlMs: 2_000 });
    const seen: Seen[] = [];
    render(
      <FilesProvider client={makeClient()}>
        <Link id={file!.id} onUrl={(s) => seen.push(s)} />
      </FilesProvider>,
    );

    const link = await screen.findByRole('link', { name: 'Download' });
    const first = link.dataset.expiresAt!;
    const download = await fetch(link.getAttribute('href')!);
    expect(await download.text()).toBe('seed file 0\n');

    await waitFor(() => expect(link.dataset.expiresAt).not.toBe(first), { timeout: 5_000 });
    // The fresh URL arrived while the first was still valid, and no expired one was ever shown.
    const firstRefresh = seen.find((s) => s.expiresAt !== first)!;
    expect(firstRefresh.seenAt).toBeLessThan(Date.parse(first));
    for (const s of seen) expect(s.seenAt).toBeLessThan(Date.parse(s.expiresAt));
    expect(
      (await serverRequests()).filter((r) => r.route === 'url' && r.method === 'GET').length,
    ).toBeGreaterThanOrEqual(2);
  });
});
