/**
 * Bad files through FileUploader in Chromium: names, sizes and types at and past the limits.
 * Refused files never reach the server; accepted odd ones arrive byte-exact under their name.
 */
import { describe, expect, it } from 'vitest';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';
import { validateFile } from '../../../src/index.js';
import {
  drop,
  expectOthersUnaffected,
  expectRefused,
  renderUploader,
  sessionsNamed,
  settledItem,
} from './harness.js';
import { requestLog } from '../chaos/control.js';

const text = (name: string, body = 'hello', type = 'text/plain') =>
  new File([body], name, { type });
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

async function expectNoNetwork(): Promise<void> {
  expect((await requestLog()).filter((r) => r.route === 'create')).toEqual([]);
}

describe('bad file names are refused before any request', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an empty name', '', /cannot be empty/],
    ['a 256-character name', `${'n'.repeat(252)}.txt`, /longer than 255/],
    ['a name with a control character (BEL)', 'bell\u0007.txt', /control characters/],
    ['a name with a newline', 'two\nlines.txt', /control characters/],
    ['a name with a backslash path separator', 'dir\\evil.txt', /path separator/],
    ['the name ..', '..', /not a valid file name/],
  ];
  it.each(cases)('%s → filename-invalid', async (_label, name, reason) => {
    renderUploader();
    drop(text(name));
    await expectRefused(name, 'rejected', 'filename-invalid', reason);
    await expectNoNetwork();
    await expectOthersUnaffected({ name, phase: 'rejected' });
  });

  it('a name with a forward slash path separator → filename-invalid', async () => {
    renderUploader();
    const file = text('dir/evil.txt');
    drop(file);
    // Chromium keeps "/" in a constructed File's name; the engine must refuse it.
    expect(file.name).toBe('dir/evil.txt');
    await expectRefused(file.name, 'rejected', 'filename-invalid', /path separator/);
    await expectNoNetwork();
    await expectOthersUnaffected();
  });
});

describe('odd but valid names upload intact under exactly that name', () => {
  const cases: Array<[string, string]> = [
    ['a 255-character name', `${'m'.repeat(251)}.txt`],
    ['an emoji name', 'résumé 📄🚀 notes.txt'],
    ['a right-to-left name', 'تقرير\u202e.txt'],
    ['a name with dots inside', '..hidden..name...txt'],
  ];
  it.each(cases)('%s', async (_label, name) => {
    renderUploader();
    drop(text(name, `content of ${name.length}`));
    const item = await settledItem(name);
    expect(item.dataset.phase).toBe('completed');
    expect(item.dataset.errorCode).toBeUndefined();
    const [stored] = await sessionsNamed(name);
    expect(stored).toMatchObject({
      status: 'COMPLETED',
      filename: name,
      sizeBytes: `content of ${name.length}`.length,
    });
  });
});

describe('sizes at the limit', () => {
  const rules = { none: { ...defaultPurposeRules.none, maxSize: 64 } };
  it('size 0 → file-too-small, no request', async () => {
    renderUploader({ rules });
    drop(text('empty.txt', ''));
    await expectRefused('empty.txt', 'rejected', 'file-too-small', /empty/);
    await expectNoNetwork();
    await expectOthersUnaffected({ name: 'empty.txt', phase: 'rejected' });
  });
  it('exactly max (64 B) uploads', async () => {
    renderUploader({ rules });
    drop(text('max.txt', 'x'.repeat(64)));
    expect((await settledItem('max.txt')).dataset.phase).toBe('completed');
    expect((await sessionsNamed('max.txt'))[0]).toMatchObject({
      status: 'COMPLETED',
      sizeBytes: 64,
    });
  });
  it('max + 1 (65 B) → file-too-large, no request', async () => {
    renderUploader({ rules });
    drop(text('max1.txt', 'x'.repeat(65)));
    await expectRefused('max1.txt', 'rejected', 'file-too-large', /more than the 64/);
    await expectNoNetwork();
    await expectOthersUnaffected({ name: 'max1.txt', phase: 'rejected' });
  });
  it('the real 512 MiB limit: 512 MiB passes, one byte more is file-too-large (size-only File-like, nothing allocated)', () => {
    const like = (size: number) =>
      ({ name: 'huge.bin', size, type: 'application/octet-stream' }) as File;
    expect(validateFile(like(512 * 1024 * 1024))).toEqual([]);
    expect(validateFile(like(512 * 1024 * 1024 + 1)).map((e) => e.code)).toEqual([
      'file-too-large',
    ]);
  });
});

describe('types that are missing or lie', () => {
  it('an empty file.type is inferred from the extension (.md → text/markdown) and uploads', async () => {
    renderUploader({ purpose: 'knowledge_user' });
    drop(text('guide.md', '# Guide\n', ''));
    expect((await settledItem('guide.md')).dataset.phase).toBe('completed');
    expect((await sessionsNamed('guide.md'))[0]).toMatchObject({
      status: 'COMPLETED',
      mimeType: 'text/markdown',
    });
  });
  it('an empty file.type with no extension and binary bytes is refused for a text-only purpose', async () => {
    renderUploader({ purpose: 'knowledge_user' });
    drop(new File([PNG], 'noext', { type: '' }));
    await expectRefused('noext', 'rejected', 'file-invalid-type');
    await expectNoNetwork();
  });
  it('a .txt whose bytes are a PNG → file-invalid-type after sniffing, no request', async () => {
    renderUploader({ purpose: 'knowledge_user' });
    drop(new File([PNG], 'notes.txt', { type: 'text/plain' }));
    await expectRefused('notes.txt', 'rejected', 'file-invalid-type', /not an accepted file type/);
    await expectNoNetwork();
    await expectOthersUnaffected({ name: 'notes.txt', phase: 'rejected' });
  });
  it('a declared type the purpose refuses (image/png for knowledge) → file-invalid-type', async () => {
    renderUploader({ purpose: 'knowledge_user' });
    drop(new File([PNG], 'photo.png', { type: 'image/png' }));
    await expectRefused('photo.png', 'rejected', 'file-invalid-type');
    await expectNoNetwork();
  });
});
