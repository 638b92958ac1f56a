/**
 * Files the rules refuse never reach the server: the user sees a role=alert naming the file, the
 * item is `rejected` with the reason's code, and the server's log holds no request for it. A valid
 * file picked alongside uploads, so "no request" is measured after the page did talk to the server.
 */
import { describe, expect, it } from 'vitest';
import { byRole, drop, pick, POLL, waitPhase, type DropSpec } from './support/dom.js';
import { textPayload, type Payload } from './support/files.js';
import { useE2e } from './support/harness.js';

const MiB = 1024 * 1024;
const good = (n: number): Payload => textPayload(`fine-${n}.md`, 'text/markdown', 40 * 1024, n);

describe('rejections', () => {
  const e2e = useE2e();

  async function expectRejected(name: string, code: string, companions: Payload[]): Promise<void> {
    const tab = e2e.tab;
    const el = await waitPhase(tab, name, 'rejected');
    expect(await tab.attr(el, 'data-error-code')).toBe(code);
    const alert = byRole('alert', undefined, el);
    await expect.poll(async () => (await tab.state(alert))?.text, POLL).toContain(name);
    expect((await tab.state(alert))?.visible).toBe(true);
    for (const companion of companions) await waitPhase(tab, companion.name, 'completed');

    // Only the companions' sessions were asked for, and only they are held.
    expect(await e2e.server.requestsOn('create')).toHaveLength(companions.length);
    const held = await e2e.server.files();
    expect(held.map((f) => f.originalFilename).sort()).toEqual(
      companions.map((c) => c.name).sort(),
    );
  }

  it('refuses a type the purpose does not take', async () => {
    const tab = await e2e.open({ purpose: 'knowledge_user', list: false });
    const png = {
      name: 'diagram.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]),
    };
    const ok = good(1);
    await pick(tab, [png, ok]);
    await expectRejected('diagram.png', 'file-invalid-type', [ok]);
  });

  it('refuses a file over the size limit', async () => {
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    // Made in the page: 20 MiB + 1 byte, one past email_attachment's cap.
    const huge: DropSpec = {
      name: 'huge.bin',
      mimeType: 'application/octet-stream',
      size: 20 * MiB + 1,
    };
    const ok = good(2);
    await drop(tab, [huge, ok]);
    await expectRejected('huge.bin', 'file-too-large', [ok]);
  });

  it('refuses an empty file', async () => {
    const tab = await e2e.open({ purpose: 'meeting_transcript', list: false });
    const empty = { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) };
    const ok = good(3);
    await pick(tab, [empty, ok]);
    await expectRejected('empty.txt', 'file-too-small', [ok]);
  });

  it('refuses files past maxFiles in one pick', async () => {
    const tab = await e2e.open({ purpose: 'knowledge_workspace', maxFiles: 2, list: false });
    const [a, b] = [good(4), good(5)];
    const extra = textPayload('one-too-many.md', 'text/markdown', 1024, 6);
    await pick(tab, [a, b, extra]);
    await expectRejected('one-too-many.md', 'too-many-files', [a, b]);
  });
});
