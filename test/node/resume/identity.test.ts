import { describe, expect, it, vi } from 'vitest';
import { computeMd5OnMainThread } from '../../../src/core/checksum/md5.js';
import { checkSameFile } from '../../../src/core/upload/resume/identity.js';
import { entry, NOW } from './fixtures.js';

const LAST_MODIFIED = NOW - 86_400_000;
const file = (text: string, name = 'report.pdf', lastModified = LAST_MODIFIED): File =>
  new File([text], name, { type: 'application/pdf', lastModified });
const hash = (blob: File) => computeMd5OnMainThread(blob);

describe('checkSameFile', () => {
  const same = 'a'.repeat(2048);

  it('accepts the same bytes by MD5, even renamed and touched', async () => {
    const md5 = await hash(file(same));
    const e = entry({ md5 });
    expect(await checkSameFile(e, file(same, 'renamed.pdf', 1), hash)).toBeUndefined();
  });

  it('refuses other bytes of the same name, size and date when the journal has the MD5', async () => {
    const e = entry({ md5: await hash(file(same)) });
    const error = await checkSameFile(e, file('b'.repeat(2048)), hash);
    expect(error?.code).toBe('file-mismatch');
    expect(error?.message).toContain('report.pdf');
  });

  it('refuses a different size without reading the file', async () => {
    const hashFile = vi.fn(hash);
    const e = entry({ md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect((await checkSameFile(e, file('short'), hashFile))?.code).toBe('file-mismatch');
    expect(hashFile).not.toHaveBeenCalled();
  });

  it('without an MD5, compares name, size and lastModified', async () => {
    const hashFile = vi.fn(hash);
    const e = entry();
    expect(await checkSameFile(e, file(same), hashFile)).toBeUndefined();
    expect((await checkSameFile(e, file(same, 'other.pdf'), hashFile))?.code).toBe('file-mismatch');
    expect((await checkSameFile(e, file(same, 'report.pdf', NOW), hashFile))?.code).toBe(
      'file-mismatch',
    );
    expect(hashFile).not.toHaveBeenCalled();
  });

  it('rejects when the file cannot be read, rather than calling it a mismatch', async () => {
    const e = entry({ md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    const failing = () => Promise.reject(new Error('NotReadableError'));
    await expect(checkSameFile(e, file(same), failing)).rejects.toThrow('NotReadableError');
  });
});
