import { cleanup } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/core/errors.js';
import { defaultLabels, errorText, mergeLabels } from '../../../src/components/labels.js';
import { formatCount, formatList, formattersFor, plural } from '../../../src/components/format.js';
import {
  englishIn,
  LOCALES,
  renderBusyUploader,
  renderDisabled,
  renderItems,
  renderListConfirming,
  renderListEmpty,
  renderListError,
  renderListLoading,
  renderListMissing,
} from './support.js';

/** Every code a locale translates (the type test checks this list is the whole union). */
const CODES: ErrorCode[] = [
  'file-invalid-type',
  'file-too-large',
  'file-too-small',
  'filename-invalid',
  'too-many-files',
  'network',
  'timeout',
  'rate-limited',
  'storage-rejected',
  'upload-expired',
  'checksum-mismatch',
  'invalid-response',
  'aborted',
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unsupported_media_type',
  'unprocessable_content',
  'internal_server_error',
  'service_unavailable',
  'gateway_timeout',
  'file-mismatch',
];

const STATES = {
  'every upload phase, interruption and badge': async (l: (typeof LOCALES)[string]) =>
    renderItems(l),
  'a busy uploader (held, failed, refused, announced)': renderBusyUploader,
  'a disabled uploader': async (l: (typeof LOCALES)[string]) => renderDisabled(l),
  'a list confirming a delete, two pages': renderListConfirming,
  'a list without sizes or dates': renderListMissing,
  'a list that failed to load': renderListError,
  'an empty list': renderListEmpty,
  'a loading list': async (l: (typeof LOCALES)[string]) => renderListLoading(l),
};

describe.each(Object.entries(LOCALES))('locale %s', (tag, locale) => {
  it('has every label of every group the English labels have', () => {
    expect(locale.locale).toBe(tag);
    for (const [group, value] of Object.entries(defaultLabels)) {
      expect(locale, group).toHaveProperty(group);
      if (value && typeof value === 'object')
        for (const key of Object.keys(value))
          expect(locale[group as keyof typeof locale], `${group}.${key}`).toHaveProperty(key);
    }
  });

  it('names the confirm and keep buttons with their visible words (label in name)', () => {
    const name = 'big.pdf';
    expect(locale.list.confirmDelete(name).toLowerCase()).toContain(
      locale.list.confirmDeleteText.toLowerCase(),
    );
    expect(locale.list.keep(name).toLowerCase()).toContain(locale.list.keepText.toLowerCase());
  });

  it('translates every error code, and the codes it cannot know', () => {
    for (const code of [...CODES, 'http-418' as const]) {
      const text = errorText(mergeLabels(locale), { code, message: 'ENGLISH' });
      expect(text, code).not.toContain('ENGLISH');
      expect(text.length, code).toBeGreaterThan(3);
    }
  });

  it.each(Object.entries(STATES))('shows no English in %s', async (_state, render) => {
    const { container } = await render(locale);
    expect(englishIn(container, tag).join('\n')).toBe('');
    cleanup();
  });

  it("sets the root's lang (and dir) from the locale", async () => {
    const { container } = await renderListEmpty(locale);
    const root = container.querySelector('[data-filedock-file-list]');
    expect(root?.getAttribute('lang')).toBe(tag);
    expect(root?.getAttribute('dir')).toBe(locale.dir);
  });
});

describe('formatting follows the locale', () => {
  it('sizes, percents and dates through Intl in the locale', () => {
    const size = 1.5 * 1024 * 1024;
    expect(formattersFor(LOCALES.de!).bytes(size)).toMatch(/^1,5\sMB$/);
    expect(formattersFor(LOCALES.fr!).percent(40)).toMatch(/^40\s%$/);
    expect(formattersFor(LOCALES.ar!).bytes(size)).toBe(
      `${new Intl.NumberFormat('ar').format(1.5)} م.ب`,
    );
    expect(formattersFor(LOCALES.ja!).date('2026-11-01T12:00:00Z')).toMatch(/2026\/11\/01/);
    expect(formattersFor(defaultLabels).bytes(size)).toBe('1.5 MB');
  });

  it('plurals through Intl.PluralRules: Polish, Arabic, Russian and Hebrew forms', () => {
    const summary = (tag: string, count: number) =>
      LOCALES[tag]!.uploader.totalSummary({ done: 0, count, percent: '' });
    expect(summary('pl', 1)).toContain('1 plik ');
    expect(summary('pl', 3)).toContain('3 pliki');
    expect(summary('pl', 5)).toContain('5 plików');
    expect(summary('pl', 22)).toContain('22 pliki');
    expect(summary('pl', 25)).toContain('25 plików');
    expect(summary('ru', 21)).toContain('из 21 файла');
    expect(summary('ru', 25)).toContain('из 25 файлов');
    expect(summary('ar', 1)).toContain('ملف واحد');
    expect(summary('ar', 2)).toContain('ملفين');
    // Digits as Intl writes them in 'ar' (Latin or Arabic-Indic, by the runtime's CLDR).
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(summary('ar', 3)).toContain(`${ar(3)} ملفات`);
    expect(summary('ar', 11)).toContain(`${ar(11)} ملفًا`);
    expect(summary('ar', 100)).toContain(`${ar(100)} ملف`);
    expect(summary('he', 2)).toContain('שני קבצים');
    expect(summary('he', 7)).toContain('7 קבצים');
    expect(plural('en', 1, { one: '# file', other: '# files' })).toBe('1 file');
  });

  it('keeps one Intl object per helper, kind and locale: counts, plurals and lists side by side', () => {
    expect(formatList('de', ['PDF', 'Word'])).toBe('PDF oder Word');
    expect(formatCount('de', 1024)).toBe('1.024');
    expect(plural('de', 2, { one: '# Datei', other: '# Dateien' })).toBe('2 Dateien');
    expect(formatList('de', ['PDF', 'Word'], 'conjunction')).toBe('PDF und Word');
    expect(formatList('de', ['PDF', 'Word'])).toBe('PDF oder Word');
    expect(formatCount('ar', 3)).toBe(new Intl.NumberFormat('ar').format(3));
  });
});
