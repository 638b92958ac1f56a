import { describe, expect, it } from 'vitest';
import { parseEntry, withoutStaleCredentials } from '../../../src/core/upload/resume/entry.js';
import { entry, iso, NOW } from './fixtures.js';

describe('parseEntry', () => {
  it('reads back an entry as written', () => {
    const e = entry({ md5: 'd41d8cd98f00b204e9800998ecf8427e', purpose: 'knowledge_workspace' });
    expect(parseEntry(structuredClone(e))).toEqual(e);
  });

  it('refuses records that are not entries of this version', () => {
    const good = entry() as unknown as Record<string, unknown>;
    const bad: unknown[] = [
      null,
      'text',
      [],
      { ...good, v: 2 },
      { ...good, key: '' },
      { ...good, step: 'uploading' },
      { ...good, bytes: 'maybe' },
      { ...good, md5: 'NOT-HEX' },
      { ...good, createdAt: Number.NaN },
      { ...good, file: { name: 'a', size: -1, type: '', lastModified: 0 } },
      { ...good, file: undefined },
      { ...good, session: { id: 'fil_1', expiresAt: 'not a date' } },
      { ...good, session: { id: 'fil_1', expiresAt: null, uploadUrl: 42 } },
      {
        ...good,
        session: { id: 'fil_1', expiresAt: null, uploadUrl: 'u', uploadHeaders: { a: 1 } },
      },
      { ...good, session: undefined }, // step `put` without a session
    ];
    for (const record of bad) expect(parseEntry(record)).toBeUndefined();
  });
});

describe('withoutStaleCredentials', () => {
  it('keeps the upload URL while the session has time left', () => {
    const e = entry();
    expect(withoutStaleCredentials(e, NOW)).toBe(e);
  });

  it('forgets the upload URL and headers once the session expired, keeping its id', () => {
    const e = entry({ session: { ...entry().session!, expiresAt: iso(NOW - 1) } });
    const cleaned = withoutStaleCredentials(e, NOW);
    expect(cleaned.session).toEqual({ id: 'fil_1', expiresAt: iso(NOW - 1) });
    expect(JSON.stringify(cleaned)).not.toContain('sig=secret');
  });
});
