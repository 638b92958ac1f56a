/** Input files for the browser figures, made once per machine in the OS temp directory. */
import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'filedock-bench');
export const MiB = 1024 * 1024;

/** A file of `bytes` random bytes (random so nothing along the way can compress it). */
export function tmpFile(name: string, bytes: number): string {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, name);
  if (existsSync(path) && statSync(path).size === bytes) return path;
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(Math.min(bytes, 8 * MiB));
  for (let written = 0; written < bytes; ) {
    const size = Math.min(block.length, bytes - written);
    randomFillSync(block, 0, size);
    written += writeSync(fd, block, 0, size);
  }
  closeSync(fd);
  return path;
}

/** `count` files of `bytes` each, named `<prefix>-<i>.bin`. */
export function tmpFiles(prefix: string, count: number, bytes: number): string[] {
  return Array.from({ length: count }, (_, i) => tmpFile(`${prefix}-${i}.bin`, bytes));
}

/** `count` small text files named `<prefix>-<i>.txt`, with `content(i)` in each. */
export function textFiles(prefix: string, count: number, content: (i: number) => string): string[] {
  mkdirSync(DIR, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const path = join(DIR, `${prefix}-${i}.txt`);
    const text = content(i);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
    return path;
  });
}
