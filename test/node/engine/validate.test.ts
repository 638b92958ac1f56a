import { describe, expect, it } from 'vitest';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import { defaultLabels } from '../../../src/components/labels.js';
import { acceptFor, formatBytes, typeLabels } from '../../../src/core/rules/describe.js';
import { defaultPurposeRules, type PurposeRule } from '../../../src/core/rules/purposes.js';
import { mimeTypeOfBytes, resolveMimeType } from '../../../src/core/rules/resolve.js';
import { inspectFiles, validateFile, validateFiles } from '../../../src/core/rules/validate.js';
import { FakeBackend, flushMicrotasks } from '../../support/fake-backend.js';
import { fakeHash, until, uploadOf } from './helpers.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_BYTES = '%PDF-1.7\n%âãÏÓ\n1 0 obj';
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const GIF_BYTES = 'GIF89a\x01\x00';
const OLE2_BYTES = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const zip = (...names: string[]) => {
  const parts: BlobPart[] = [];
  for (const name of names)
    parts.push(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
      `${'\0'.repeat(18)}${name}<xml/>`,
    );
  return parts;
};
const file = (parts: BlobPart[] | string, name: string, type = '') =>
  new File(typeof parts === 'string' ? [parts] : parts, name, { type });
const MiB = 1024 * 1024;
const sized = (size: number, name: string, type = 'application/pdf') => {
  const blob = new Blob([new Uint8Array(size)]);
  return new File([blob], name, { type });
};

describe('resolveMimeType', () => {
  it.each([
    ['type given by the browser wins', file('hello', 'a.bin', 'text/plain'), 'text/plain'],
    ['parameters are dropped', file('hello', 'a.txt', 'Text/Plain; charset=utf-8'), 'text/plain'],
    ['empty type → extension (.md)', file('# hi', 'notes.md'), 'text/markdown'],
    ['empty type → extension (.csv)', file('a,b', 'data.csv'), 'text/csv'],
    ['empty type → extension (.vtt)', file('WEBVTT', 'talk.vtt'), 'text/vtt'],
    [
      'generic type → extension (.srt)',
      file('1\n00:00', 'talk.srt', 'application/octet-stream'),
      'application/x-subrip',
    ],
    ['extensionless PDF → bytes', file(PDF_BYTES, 'report'), 'application/pdf'],
    ['extensionless PNG → bytes', file([PNG_BYTES], 'image'), 'image/png'],
    ['extensionless JPEG → bytes', file([JPEG_BYTES], 'photo'), 'image/jpeg'],
    ['extensionless GIF → bytes', file(GIF_BYTES, 'anim'), 'image/gif'],
    ['a .txt that is a PDF → the bytes win', file(PDF_BYTES, 'lies.txt'), 'application/pdf'],
    [
      'a .pdf that is a Windows executable → the bytes win',
      file('MZ\x90\x00', 'invoice.pdf', 'application/pdf'),
      'application/vnd.microsoft.portable-executable',
    ],
    [
      'a .docx is a ZIP: the extension picks the Office type',
      file(zip('[Content_Types].xml'), 'memo.docx'),
      DOCX,
    ],
    [
      'an extensionless ZIP with xl/ parts → Excel',
      file(zip('[Content_Types].xml', 'xl/workbook.xml'), 'sheet'),
      XLSX,
    ],
    [
      'an extensionless ZIP with no Office parts → zip',
      file(zip('photo.jpg'), 'archive'),
      'application/zip',
    ],
    ['a .pdf that is a ZIP → zip', file(zip('a.txt'), 'fake.pdf'), 'application/zip'],
    ['legacy .doc (OLE2)', file([OLE2_BYTES], 'old.doc'), 'application/msword'],
    [
      'extensionless UTF-8 text → text/plain',
      file('Grüße, ünïcödé text\nline 2', 'README'),
      'text/plain',
    ],
    [
      'extensionless bytes with NUL → octet-stream',
      file([new Uint8Array([1, 2, 0, 4])], 'blob'),
      'application/octet-stream',
    ],
    [
      'extensionless invalid UTF-8 → octet-stream',
      file([new Uint8Array([0xc3, 0x28, 0x41, 0x42])], 'blob'),
      'application/octet-stream',
    ],
    [
      'a claim the bytes cannot disprove stands',
      file('just text', 'data.json'),
      'application/json',
    ],
  ])('%s', async (_label, input, expected) => {
    expect(await resolveMimeType(input)).toBe(expected);
    // The same decision from the file's bytes read whole (a small file read for its MD5 too).
    expect(await mimeTypeOfBytes(input, new Uint8Array(await input.arrayBuffer()))).toBe(expected);
  });

  it('accepts text whose sample ends inside a multi-byte character', async () => {
    const text = `${'a'.repeat(1023)}é and more`; // é straddles the 1 KiB sample boundary
    expect(await resolveMimeType(file(text, 'NOTES'))).toBe('text/plain');
    const whole = new TextEncoder().encode(text);
    expect(await mimeTypeOfBytes(file(text, 'NOTES'), whole)).toBe('text/plain');
  });
});

describe('validateFile', () => {
  const knowledge = (input: File) => validateFile(input, defaultPurposeRules, 'knowledge_user');

  it('accepts a valid file', () => {
    expect(knowledge(file('# hi', 'notes.md'))).toEqual([]);
  });

  it.each([
    [
      'report.exe',
      file('MZ', 'report.exe'),
      'file-invalid-type',
      'report.exe is not an accepted file type. Accepted: PDF, plain text, Markdown, CSV, HTML, JSON, Word 97–2003, Word, Excel, PowerPoint.',
    ],
    [
      'too large',
      sized(100 * MiB + 1, 'big.pdf'),
      'file-too-large',
      'big.pdf is larger than the 100 MB limit.',
    ],
    [
      'far too large',
      sized(150 * MiB, 'huge.pdf'),
      'file-too-large',
      'huge.pdf is 150 MB, more than the 100 MB limit.',
    ],
    ['empty', file('', 'empty.txt', 'text/plain'), 'file-too-small', 'empty.txt is empty.'],
    [
      'whitespace name',
      file('x', '   ', 'text/plain'),
      'filename-invalid',
      'A file name cannot be empty.',
    ],
    [
      '256 characters',
      file('x', `${'a'.repeat(252)}.txt`, 'text/plain'),
      'filename-invalid',
      expect.stringContaining('longer than 255 characters'),
    ],
    [
      'control character',
      file('x', 'a\u0007b.txt', 'text/plain'),
      'filename-invalid',
      expect.stringContaining('control characters'),
    ],
    [
      'slash',
      file('x', 'a/b.txt', 'text/plain'),
      'filename-invalid',
      expect.stringContaining('path separator'),
    ],
    [
      'backslash',
      file('x', 'a\\b.txt', 'text/plain'),
      'filename-invalid',
      expect.stringContaining('path separator'),
    ],
    ['dot-dot', file('x', '..', 'text/plain'), 'filename-invalid', '.. is not a valid file name.'],
  ])('refuses %s', (_label, input, code, message) => {
    expect(knowledge(input)).toEqual([{ code, message, params: expect.any(Object) }]);
  });

  it('gives the values its English message states as params, for translations', () => {
    const rule = defaultPurposeRules.knowledge_user;
    expect(knowledge(sized(150 * MiB, 'huge.pdf'))[0]?.params).toEqual({
      fileName: 'huge.pdf',
      size: 150 * MiB,
      maxSize: 100 * MiB,
    });
    expect(knowledge(file('', 'empty.txt', 'text/plain'))[0]?.params).toEqual({
      fileName: 'empty.txt',
      size: 0,
      minSize: 1,
    });
    expect(
      validateFile(file('abc', 'tiny.txt', 'text/plain'), { ...rule, minSize: 10 })[0]?.params,
    ).toEqual({ fileName: 'tiny.txt', size: 3, minSize: 10 });
    expect(knowledge(file('MZ', 'report.exe'))[0]?.params).toEqual({
      fileName: 'report.exe',
      types: typeLabels(rule),
    });
    const long = `${'a'.repeat(252)}.txt`;
    expect(knowledge(file('x', long, 'text/plain'))[0]?.params).toEqual({
      fileName: long,
      reason: 'too-long',
      maxLength: 255,
    });
    const reasons = ['   ', 'a\u0007b.txt', 'a/b.txt', '..'].map(
      (name) => knowledge(file('x', name, 'text/plain'))[0]?.params?.reason,
    );
    expect(reasons).toEqual(['empty', 'control-characters', 'path-separator', 'reserved']);
  });

  it('takes exactly 255 characters, and a single rule as well as a table', () => {
    expect(knowledge(file('x', `${'a'.repeat(251)}.txt`, 'text/plain'))).toEqual([]);
    expect(
      validateFile(
        sized(21 * MiB, 'a.zip', 'application/zip'),
        defaultPurposeRules.email_attachment,
      ),
    ).toMatchObject([{ code: 'file-too-large' }]);
    expect(validateFile(sized(21 * MiB, 'a.zip', 'application/zip'))).toEqual([]);
  });

  it('lists every reason a file is refused', () => {
    expect(knowledge(file('', 'a/b.exe')).map((e) => e.code)).toEqual([
      'filename-invalid',
      'file-invalid-type',
      'file-too-small',
    ]);
  });
});

describe('validateFiles / inspectFiles', () => {
  it('applies maxFiles to the valid files in order, the others keep their own reasons', () => {
    const files = [
      file('a', 'a.txt'),
      file('', 'empty.txt'),
      file('b', 'b.txt'),
      file('c', 'c.txt'),
    ];
    const { accepted, rejected } = validateFiles(files, { purpose: 'knowledge_user', maxFiles: 2 });
    expect(accepted).toEqual([
      { file: files[0], mimeType: 'text/plain' },
      { file: files[2], mimeType: 'text/plain' },
    ]);
    expect(rejected.map((r) => [r.file.name, r.errors.map((e) => e.code)])).toEqual([
      ['empty.txt', ['file-too-small']],
      ['c.txt', ['too-many-files']],
    ]);
    expect(rejected[1]!.errors[0]!.message).toBe(
      'Only 2 files can be added at once; c.txt was not added.',
    );
    expect(rejected[1]!.errors[0]!.params).toEqual({ fileName: 'c.txt', maxFiles: 2 });
  });

  it('inspectFiles reads the bytes: an extensionless PDF passes, a PDF-named executable does not', async () => {
    const { accepted, rejected } = await inspectFiles(
      [file(PDF_BYTES, 'scan'), file('MZ\x90', 'x.pdf', 'application/pdf')],
      { purpose: 'knowledge_user' },
    );
    expect(accepted.map((a) => [a.file.name, a.mimeType])).toEqual([['scan', 'application/pdf']]);
    expect(rejected.map((r) => r.errors[0]!.code)).toEqual(['file-invalid-type']);
  });
});

describe('the engine validates before any network call', () => {
  it('rejects at once what the name/size/claim settle, after sniffing what they do not', async () => {
    const backend = new FakeBackend();
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      purpose: 'knowledge_user',
      maxFiles: 2,
    });
    const ids = engine.add([
      file('MZ', 'report.exe'), // refused by its claim, synchronously
      file(PDF_BYTES, 'scan'), // unknown claim → sniffed → PDF → accepted
      file('MZ\x90', 'invoice.pdf', 'application/pdf'), // claim allowed, bytes refuse it
      file('hi', 'extra.txt'), // past maxFiles (2 valid files already)
    ]);
    expect(ids.map((id) => uploadOf(engine, id).phase)).toEqual([
      'rejected',
      'queued',
      'queued',
      'rejected',
    ]);
    expect(uploadOf(engine, ids[3]!).error?.code).toBe('too-many-files');
    await until(engine, () => uploadOf(engine, ids[2]!).phase === 'rejected');
    expect(uploadOf(engine, ids[2]!).rejection?.errors.map((e) => e.code)).toEqual([
      'file-invalid-type',
    ]);
    const create = await backend.next('create');
    expect(create.args[0]).toMatchObject({ filename: 'scan', mimeType: 'application/pdf' });
    await flushMicrotasks(50);
    expect(backend.calls).toHaveLength(1);
  });
});

describe('help line / acceptFor', () => {
  const help = (rule: PurposeRule) =>
    defaultLabels.dropzone.help({ types: typeLabels(rule), maxSize: formatBytes(rule.maxSize) });

  it('describes a rule from the same table', () => {
    expect(help(defaultPurposeRules.meeting_transcript)).toBe(
      'plain text, WebVTT, SubRip, Markdown, JSON, PDF, Word up to 50 MB',
    );
    expect(help(defaultPurposeRules.email_attachment)).toBe('Any file up to 20 MB');
    expect(help(defaultPurposeRules.none)).toBe('Any file up to 512 MB');
  });

  it('builds a react-dropzone accept map', () => {
    const accept = acceptFor(defaultPurposeRules.knowledge_user)!;
    expect(Object.keys(accept)).toEqual(defaultPurposeRules.knowledge_user.mimeTypes);
    expect(accept['application/pdf']).toEqual(['.pdf']);
    expect(accept['text/markdown']).toEqual(['.md', '.markdown']);
    expect(accept[DOCX]).toEqual(['.docx']);
    expect(acceptFor(defaultPurposeRules.email_attachment)).toBeUndefined();
  });

  it('formats sizes in binary units', () => {
    expect([0, 1, 1023, 1024, 1536, 20 * MiB, 1.5 * 1024 * MiB].map(formatBytes)).toEqual([
      '0 bytes',
      '1 byte',
      '1023 bytes',
      '1 KB',
      '1.5 KB',
      '20 MB',
      '1.5 GB',
    ]);
  });
});
