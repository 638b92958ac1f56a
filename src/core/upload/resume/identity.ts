/**
 * Is the file picked again the one the journal describes? Checked before a single byte is sent:
 * continuing someone's half-sent upload with another file's bytes would store a file that is
 * neither. By MD5 where the journal has one (a renamed copy is the same file; a same-named edit is
 * not); else by name, size and lastModified, which is what the browser offers without reading.
 */
import type { ErrorInfo } from '../../errors.js';
import type { JournalEntry } from './entry.js';

export type FileMismatchError = ErrorInfo<'file-mismatch'>;

export type HashFile = (file: File, options: { signal?: AbortSignal }) => Promise<string>;

function mismatch(entry: JournalEntry, file: File, why: string): FileMismatchError {
  return {
    code: 'file-mismatch',
    message: `${file.name} is not the file that was being uploaded as ${entry.file.name} (${why}). Nothing was uploaded.`,
  };
}

/** Resolves `undefined` for the same file, else the mismatch; rejects only if hashing fails. */
export async function checkSameFile(
  entry: JournalEntry,
  file: File,
  hashFile: HashFile,
  signal?: AbortSignal,
): Promise<FileMismatchError | undefined> {
  // The size is free to compare and rules out most wrong picks without reading a byte.
  if (file.size !== entry.file.size) return mismatch(entry, file, 'a different size');
  if (entry.md5 !== undefined) {
    const md5 = await hashFile(file, signal ? { signal } : {});
    return md5 === entry.md5 ? undefined : mismatch(entry, file, 'different content');
  }
  if (file.name !== entry.file.name) return mismatch(entry, file, 'a different name');
  if (file.lastModified !== entry.file.lastModified) return mismatch(entry, file, 'modified since');
  return undefined;
}
