import { describe, expect, it } from 'vitest';
import {
  asciiFallback,
  contentDisposition,
  encodeRfc5987,
} from '../../../src/server/content-disposition.js';

describe('contentDisposition', () => {
  it('keeps plain names readable', () => {
    expect(contentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it('cannot be used to inject headers or break out of the quotes', () => {
    const header = contentDisposition('a"\r\nSet-Cookie: x=1\\.txt');
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)![1];
    expect(fallback).toBe('a_Set-Cookie: x=1_.txt');
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it('percent-encodes the exact name, including the characters RFC 5987 forbids raw', () => {
    expect(encodeRfc5987("it's (1)*.txt")).toBe('it%27s%20%281%29%2A.txt');
    expect(contentDisposition('日本.txt')).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`,
    );
  });

  it('falls back to "download" for names with nothing printable', () => {
    expect(asciiFallback('\u0001\u0002')).toBe('download');
    expect(contentDisposition('\u0007')).toBe(
      `attachment; filename="download"; filename*=UTF-8''download`,
    );
  });
});
