/**
 * The happy path for each purpose, through the real file input and through a real drag and drop:
 * the user sees both files completed, and the server holds them COMPLETED with the source's MD5,
 * reached cross-origin (preflighted) with no API header on the storage PUT.
 */
import { describe, expect, it } from 'vitest';
import type { Payload } from './support/files.js';
import { binaryPayload, md5, pdfPayload, textPayload } from './support/files.js';
import { byRole, css, drop, inside, pick, POLL, waitPhase } from './support/dom.js';
import { useE2e } from './support/harness.js';

const KiB = 1024;

const CASES: Array<{ purpose: string; picked: Payload; dropped: Payload; stamped: boolean }> = [
  {
    purpose: 'meeting_transcript',
    picked: textPayload('standup.txt', 'text/plain', 300 * KiB, 1),
    dropped: textPayload('retro.vtt', 'text/vtt', 120 * KiB, 2),
    stamped: false,
  },
  {
    purpose: 'knowledge_user',
    picked: textPayload('notes.md', 'text/markdown', 200 * KiB, 3),
    dropped: pdfPayload('handbook.pdf', 256 * KiB),
    stamped: true,
  },
  {
    purpose: 'knowledge_workspace',
    picked: textPayload('accounts.csv', 'text/csv', 150 * KiB, 4),
    dropped: textPayload('policy.json', 'application/json', 64 * KiB, 5),
    stamped: true,
  },
  {
    purpose: 'email_attachment',
    picked: binaryPayload('photo.bin', 'application/octet-stream', 512 * KiB, 6),
    dropped: binaryPayload('archive.dat', '', 333 * KiB, 8),
    stamped: false,
  },
];

describe('happy path', () => {
  const e2e = useE2e();

  for (const { purpose, picked, dropped, stamped } of CASES) {
    it(`uploads for ${purpose} through the file input and a drag and drop`, async () => {
      const tab = await e2e.open({ purpose, list: false });
      await pick(tab, [picked]);
      await drop(tab, [dropped]);

      for (const payload of [picked, dropped]) {
        const el = await waitPhase(tab, payload.name, 'completed');
        await expect
          .poll(() => tab.attr(byRole('progressbar', undefined, el), 'aria-valuenow'), POLL)
          .toBe('100');
        expect(await tab.attr(inside(el, css('[data-status]')), 'data-status')).toBe('completed');
        expect(await tab.attr(el, 'data-error-code')).toBeNull();
      }

      const files = await e2e.server.files();
      expect(files).toHaveLength(2);
      for (const payload of [picked, dropped]) {
        const held = files.find((f) => f.originalFilename === payload.name);
        expect(held, payload.name).toBeDefined();
        expect(held!.status).toBe('COMPLETED');
        expect(held!.sizeBytes).toBe(payload.buffer.length);
        expect(held!.md5).toBe(md5(payload.buffer));
        if (stamped) expect(held!.filename).not.toBe(payload.name);
        else expect(held!.filename).toBe(payload.name);
      }

      const requests = await e2e.server.requests();
      const creates = requests.filter((r) => r.route === 'create');
      // Cross-origin: a preflight before the JSON POST, and the page's origin on the request.
      expect(creates.filter((r) => r.method === 'OPTIONS').length).toBeGreaterThanOrEqual(1);
      const posts = creates.filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(2);
      for (const post of posts) {
        expect(post.headers.origin).toBe(e2e.appUrl);
        expect(post.status).toBe(200);
      }
      const puts = requests.filter((r) => r.route === 'put' && r.method === 'PUT');
      expect(puts).toHaveLength(2);
      for (const put of puts) {
        expect(put.headers.authorization).toBeUndefined();
        expect(put.headers['lightfield-version']).toBeUndefined();
      }
      expect(requests.filter((r) => r.route === 'complete' && r.method === 'POST')).toHaveLength(2);
    });
  }
});
