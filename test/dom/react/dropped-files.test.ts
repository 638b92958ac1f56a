import { describe, expect, it } from 'vitest';
import { filesFromDataTransfer } from '../../../src/components/dropped-files.js';
import { acceptAttribute, dragVerdict } from '../../../src/components/use-drop-target.js';

const file = (name: string, type = 'text/plain') => new File(['x'], name, { type });

/** A FileSystemFileEntry / FileSystemDirectoryEntry stand-in; directories answer in batches of 2. */
function fileEntry(f: File) {
  return {
    isFile: true,
    isDirectory: false,
    name: f.name,
    file: (ok: (f: File) => void) => queueMicrotask(() => ok(f)),
  };
}
function dirEntry(name: string, children: unknown[], failWith?: Error) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (batch: unknown[]) => void, fail: (error: Error) => void) {
          queueMicrotask(() => {
            if (failWith) return fail(failWith);
            const batch = children.slice(at, at + 2);
            at += batch.length;
            ok(batch);
          });
        },
      };
    },
  };
}
function item(entry: unknown, asFile?: File, type = '') {
  return { kind: 'file', type, webkitGetAsEntry: () => entry, getAsFile: () => asFile ?? null };
}
function transfer(items: unknown[], files: File[] = []) {
  return { items, files, types: ['Files'] } as unknown as DataTransfer;
}

describe('filesFromDataTransfer', () => {
  it('walks dropped folders depth first, across readEntries batches, keeping the drop order', async () => {
    const [a, b, c, d, e, top] = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'top.txt'].map((n) =>
      file(n),
    );
    const nested = dirEntry('inner', [fileEntry(c!), fileEntry(d!)]);
    const folder = dirEntry('folder', [fileEntry(a!), nested, fileEntry(b!), fileEntry(e!)]);
    const files = await filesFromDataTransfer(transfer([item(fileEntry(top!), top), item(folder)]));
    expect(files.map((f) => f.name)).toEqual([
      'top.txt',
      'a.txt',
      'c.txt',
      'd.txt',
      'b.txt',
      'e.txt',
    ]);
  });

  it('without folders, returns the files as the DataTransfer lists them', async () => {
    const picked = [file('one.txt'), file('two.txt')];
    const files = await filesFromDataTransfer(
      transfer(
        picked.map((f) => item(fileEntry(f), f)),
        picked,
      ),
    );
    expect(files).toEqual(picked);
  });

  it('rejects when a folder cannot be read, and gives nothing for no DataTransfer', async () => {
    await expect(
      filesFromDataTransfer(transfer([item(dirEntry('locked', [], new Error('denied')))])),
    ).rejects.toThrow('denied');
    expect(await filesFromDataTransfer(null)).toEqual([]);
  });
});

describe('dragVerdict', () => {
  const accept = { 'application/pdf': ['.pdf'], 'image/*': [] };
  const drag = (...types: string[]) => transfer(types.map((type) => item(null, undefined, type)));

  it('accepts named types, type/* families and untyped items; rejects any other type', () => {
    expect(dragVerdict(drag('application/pdf', 'image/png'), accept, true)).toBe('accept');
    expect(dragVerdict(drag(''), accept, true)).toBe('accept');
    expect(dragVerdict(drag('application/pdf', 'video/mp4'), accept, true)).toBe('reject');
    expect(dragVerdict(drag('video/mp4'), undefined, true)).toBe('accept');
  });

  it('rejects several files where one is allowed', () => {
    expect(dragVerdict(drag('application/pdf'), accept, false)).toBe('accept');
    expect(dragVerdict(drag('application/pdf', 'application/pdf'), accept, false)).toBe('reject');
  });

  it('builds the input accept attribute from types and extensions', () => {
    expect(acceptAttribute(accept)).toBe('application/pdf,.pdf,image/*');
    expect(acceptAttribute(undefined)).toBeUndefined();
  });
});
