import { describe, expect, it } from 'vitest';
import {
  claimedMimeType,
  extensionOf,
  extensionsFor,
  GENERIC_MIME_TYPES,
  labelForMimeType,
  mimeTypeFromName,
  normalizeMimeType,
  OCTET_STREAM,
} from '../../../src/core/rules/mime.js';
import { EXTENSIONS_BY_TYPE, TYPE_BY_EXTENSION } from '../../../src/core/rules/mime-table.js';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PE = 'application/vnd.microsoft.portable-executable';
const ruleTypes = [
  ...new Set(Object.values(defaultPurposeRules).flatMap((rule) => rule.mimeTypes ?? [])),
];

describe('the table', () => {
  it('names at least one rule type (guards the loop below from passing on nothing)', () => {
    expect(ruleTypes.length).toBeGreaterThan(5);
  });

  it.each(ruleTypes)('%s has extensions, each mapping back to it', (type) => {
    const extensions = extensionsFor(type);
    expect(extensions.length).toBeGreaterThan(0);
    for (const ext of extensions) expect(mimeTypeFromName(`file${ext}`)).toBe(type);
  });

  it('lists each extension under one type, lower-case, without dots or blanks', () => {
    let listed = 0;
    for (const [type, extensions] of EXTENSIONS_BY_TYPE) {
      expect(type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      for (const ext of extensions) {
        expect(ext).toMatch(/^[a-z0-9]+$/);
        expect(TYPE_BY_EXTENSION.get(ext)).toBe(type);
        listed++;
      }
    }
    // A repeated extension would be counted twice here but stored once in the reverse map.
    expect(listed).toBe(TYPE_BY_EXTENSION.size);
  });
});

describe('mimeTypeFromName', () => {
  it.each([
    ['notes.md', 'text/markdown'],
    ['notes.markdown', 'text/markdown'],
    ['report.docx', DOCX],
    ['captions.srt', 'application/x-subrip'],
    ['captions.vtt', 'text/vtt'],
    ['setup.exe', PE],
    ['lib.dll', PE],
    ['photo.jpg', 'image/jpeg'],
    ['photo.jpeg', 'image/jpeg'],
    ['IMG_0001.HEIC', 'image/heic'],
    ['song.mp3', 'audio/mpeg'],
    ['clip.mov', 'video/quicktime'],
    ['backup.tar.gz', 'application/gzip'],
    ['archive.7z', 'application/x-7z-compressed'],
    ['sheet.xls', 'application/vnd.ms-excel'],
    ['C:\\Users\\me\\Data.CSV', 'text/csv'],
  ])('%s → %s', (name, type) => {
    expect(mimeTypeFromName(name)).toBe(type);
  });

  it('is case-insensitive on the extension', () => {
    expect(mimeTypeFromName('REPORT.PDF')).toBe('application/pdf');
    expect(mimeTypeFromName('Report.Pdf')).toBe('application/pdf');
  });

  it.each([
    'file.xyzzy',
    'file',
    '.bashrc',
    'file.',
    'dir.d/file',
    'file.constructor',
    'file.__proto__',
    'file.toString',
  ])('%s → undefined (unknown or no extension)', (name) => {
    expect(mimeTypeFromName(name)).toBeUndefined();
  });

  it('treats generic types as unknown', () => {
    for (const name of ['image.bin', 'disk.iso', 'setup.msi', 'app.dmg'])
      expect(mimeTypeFromName(name)).toBeUndefined();
    expect(extensionsFor(OCTET_STREAM)).toContain('.bin');
  });
});

describe('extensionsFor', () => {
  it('returns dotted extensions, main first', () => {
    expect(extensionsFor('image/jpeg')).toEqual(['.jpg', '.jpeg']);
    expect(extensionsFor('text/markdown')).toEqual(['.md', '.markdown']);
    expect(extensionsFor('text/plain')[0]).toBe('.txt');
    expect(extensionsFor(DOCX)).toEqual(['.docx']);
  });

  it('matches types case-insensitively and knows nothing of unknown ones', () => {
    expect(extensionsFor('Image/JPEG')).toEqual(['.jpg', '.jpeg']);
    expect(extensionsFor('application/x-unknown')).toEqual([]);
    expect(extensionsFor('constructor')).toEqual([]);
  });

  it('returns a copy the caller may change', () => {
    extensionsFor('image/png').push('.nope');
    expect(extensionsFor('image/png')).toEqual(['.png']);
  });
});

describe('claimedMimeType', () => {
  it('prefers a specific declared type, normalised', () => {
    expect(claimedMimeType({ name: 'a.txt', type: 'Application/PDF; charset=binary' })).toBe(
      'application/pdf',
    );
  });

  it.each([...GENERIC_MIME_TYPES])(
    'falls back to the name when the declared type is %j',
    (type) => {
      expect(claimedMimeType({ name: 'notes.md', type })).toBe('text/markdown');
      expect(claimedMimeType({ name: 'notes.xyzzy', type })).toBeUndefined();
    },
  );
});

describe('labels and helpers', () => {
  it('uses the hand-written labels', () => {
    expect(labelForMimeType('application/pdf')).toBe('PDF');
    expect(labelForMimeType('text/markdown')).toBe('Markdown');
    expect(labelForMimeType(DOCX)).toBe('Word');
    expect(labelForMimeType('image/jpeg')).toBe('JPEG');
  });

  it('falls back to the main extension in capitals, then to the type itself', () => {
    expect(labelForMimeType('audio/mpeg')).toBe('MP3');
    expect(labelForMimeType('image/tiff')).toBe('TIF');
    expect(labelForMimeType('video/quicktime; codecs=x')).toBe('MOV');
    expect(labelForMimeType(PE)).toBe('EXE');
    expect(labelForMimeType('application/x-unknown')).toBe('application/x-unknown');
    expect(labelForMimeType('constructor')).toBe('constructor');
  });

  it('normalises types and extracts extensions', () => {
    expect(normalizeMimeType(' Text/Plain ; charset=utf-8')).toBe('text/plain');
    expect(extensionOf('a/b.c/Archive.TAR.GZ')).toBe('gz');
    expect(extensionOf('.env')).toBe('');
  });
});
