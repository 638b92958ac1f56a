/**
 * Under React.StrictMode (effects run twice, components render twice), each picked file is
 * still created exactly once on the server and completes once.
 */
import { describe, expect, it } from 'vitest';
import { css, pick, waitPhase } from './support/dom.js';
import { md5, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';

describe('StrictMode', () => {
  const e2e = useE2e();

  it('creates exactly one session per file', async () => {
    const tab = await e2e.open({ purpose: 'meeting_transcript', strict: true });
    const files = [1, 2, 3].map((n) =>
      textPayload(`strict-${n}.txt`, 'text/plain', 64 * 1024 + n, 20 + n),
    );
    await pick(tab, files);
    for (const file of files) await waitPhase(tab, file.name, 'completed');
    expect(await tab.count(css('[data-filedock-upload]'))).toBe(files.length);

    const creates = await e2e.server.requestsOn('create');
    expect(creates).toHaveLength(files.length);
    expect(await e2e.server.requestsOn('put')).toHaveLength(files.length);
    expect(await e2e.server.requestsOn('complete')).toHaveLength(files.length);
    const held = await e2e.server.files();
    expect(held.map((f) => f.originalFilename).sort()).toEqual(files.map((f) => f.name));
    for (const file of files) {
      expect(held.find((f) => f.originalFilename === file.name)).toMatchObject({
        status: 'COMPLETED',
        md5: md5(file.buffer),
      });
    }
  });
});
