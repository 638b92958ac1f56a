/**
 * Every locale states the limit a refused file broke, and the file's own value, in its own number
 * formats: sizes with the locale's units, the accepted types as the locale lists them, counts in
 * its digits. Real picks through the uploader (react-dropzone's verdicts and the engine's
 * `maxFiles`), then the labels alone for the cases a pick cannot reach.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { FileWithPath } from 'react-dropzone';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { formatCount, formatList, formattersFor } from '../../../src/components/format.js';
import { defaultLabels, errorText, mergeLabels } from '../../../src/components/labels.js';
import { toFileRejection } from '../../../src/components/dropzone-rejections.js';
import type { PurposeRule } from '../../../src/core/rules/purposes.js';
import { validateFile } from '../../../src/core/rules/validate.js';
import { FileUploader } from '../../../src/index.js';
import { renderWithClient } from '../components/render.js';
import { englishIn, LOCALES } from './support.js';

const RULE: PurposeRule = {
  mimeTypes: ['application/pdf', 'text/markdown'],
  maxSize: 20,
  minSize: 10,
  maxFilenameLength: 255,
  maxFiles: 3,
};

const RTL_ISOLATE = (tag: string, text: string) =>
  LOCALES[tag]!.dir === 'rtl' ? `\u2068${text}\u2069` : text;

const named = (name: string, size: number, type = 'application/pdf') =>
  new File(['x'.repeat(size)], name, { type });

/** The alert of each refused row, by file name. */
function refusals(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of document.querySelectorAll('[data-filedock-upload][data-phase="rejected"]')) {
    const name = row.querySelector('.filedock-item-name')?.textContent ?? '';
    out[name] = row.querySelector('[role="alert"]')?.textContent ?? '';
  }
  return out;
}

afterEach(() => cleanup());

describe.each(Object.entries(LOCALES))('locale %s states the limits', (tag, locale) => {
  const bytes = (size: number) => formattersFor(locale).bytes(size);

  it('on real picks: too large, too small, wrong type, too many', async () => {
    const { container } = renderWithClient(<FileUploader />, {
      labels: locale,
      rules: { none: RULE },
    });
    const input = screen.getByLabelText<HTMLInputElement>(locale.dropzone.input);
    await userEvent.upload(input, [
      named('big.pdf', 21),
      named('tiny.pdf', 3),
      named('photo.png', 12, 'image/png'),
      named('one.pdf', 12),
      named('two.pdf', 12),
      named('three.pdf', 12),
      named('four.pdf', 12),
    ]);
    await waitFor(() => expect(Object.keys(refusals()).sort()).toHaveLength(4));
    const texts = refusals();

    expect(texts['big.pdf']).toContain(bytes(21));
    expect(texts['big.pdf']).toContain(bytes(20));
    expect(texts['tiny.pdf']).toContain(bytes(3));
    expect(texts['tiny.pdf']).toContain(bytes(10));
    expect(texts['photo.png']).toContain(
      formatList(
        tag,
        ['PDF', 'Markdown'].map((t) => RTL_ISOLATE(tag, t)),
      ),
    );
    expect(texts['four.pdf']).toContain(formatCount(tag, 3));
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).toContain(name);
      // The name is said once: the row's prefix is dropped when the reason names the file.
      expect(text.split(name).length - 1, `${name}: ${text}`).toBe(1);
    }
    expect(englishIn(container, tag).join('\n')).toBe('');
  });

  it('in the labels: sizes in larger units, an empty file, one file at a time, a long name', () => {
    const labels = mergeLabels(locale);
    const text = (file: File, rule: PurposeRule) => errorText(labels, validateFile(file, rule)[0]!);
    const MiB = 1024 * 1024;
    const huge = named('huge.pdf', 1);
    Object.defineProperty(huge, 'size', { value: 150 * MiB });
    const large = text(huge, { ...RULE, maxSize: 100 * MiB });
    expect(large).toContain(bytes(150 * MiB));
    expect(large).toContain(bytes(100 * MiB));
    // Rounded to the same text: the limit alone, never "100 MB, more than 100 MB".
    const just = named('just.pdf', 1);
    Object.defineProperty(just, 'size', { value: 100 * MiB + 1 });
    const over = text(just, { ...RULE, maxSize: 100 * MiB });
    expect(over).toContain(bytes(100 * MiB));
    expect(over.split(bytes(100 * MiB)).length - 1, over).toBe(1);

    expect(text(named('empty.pdf', 0), { ...RULE, minSize: 1 })).toContain('empty.pdf');
    expect(text(named('empty.pdf', 0), RULE)).toContain(bytes(10));

    const long = `${'a'.repeat(60)}.pdf`;
    const name = text(named(long, 12), { ...RULE, maxFilenameLength: 50 });
    expect(name).toContain(formatCount(tag, 50));
    expect(name).not.toContain(long);

    // Each other way a name can be wrong has its own text (no number to state).
    const reasons = ['  ', 'a\u0007.pdf', 'a/b.pdf', '..'].map((bad) => text(named(bad, 12), RULE));
    expect(new Set(reasons).size, reasons.join('\n')).toBe(4);

    const one = errorText(labels, {
      code: 'too-many-files',
      message: 'Only 1 file can be added at once; x.pdf was not added.',
      params: { fileName: 'x.pdf', maxFiles: 1 },
    });
    expect(one).toContain('x.pdf');
    for (const t of [large, over, name, one, ...reasons]) {
      expect(t).not.toMatch(/\b(limit|larger|more than|only|added|accepted)\b/i);
    }
  });

  it("react-dropzone's verdicts carry the same params as filedock's own", () => {
    const file = named('big.pdf', 21);
    const { errors } = toFileRejection(
      {
        file: file as FileWithPath,
        errors: [{ code: 'file-too-large', message: 'File is larger than 20 bytes' }],
      },
      RULE,
      3,
    );
    expect(errors).toEqual(validateFile(file, RULE));
    expect(errorText(mergeLabels(locale), errors[0]!)).toContain(bytes(20));
  });
});

describe('English keeps its messages', () => {
  it('shows core’s message for the validation codes', () => {
    const labels = mergeLabels();
    const [error] = validateFile(named('big.pdf', 21), RULE);
    expect(errorText(labels, error!)).toBe('big.pdf is 21 bytes, more than the 20 bytes limit.');
    expect(defaultLabels.errors['file-too-small']).toBe('The file is empty.');
  });
});
