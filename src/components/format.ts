/**
 * Sizes, speeds, durations, percents and dates through `Intl`, in the labels' locale.
 *
 * Sizes use binary steps with the everyday unit names (100 MiB → "100 MB"), as file managers and
 * the rule help text do. Formatters are built once per locale: `Intl` constructors are not cheap
 * and a list re-renders on every progress frame.
 */
import type { FiledockLabels } from './labels.js';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export interface Formatters {
  bytes(bytes: number): string;
  speed(bytesPerSecond: number): string;
  /** Remaining time, e.g. "12 sec", "3 min", "1.5 hr". */
  duration(seconds: number): string;
  /** 0–100 → "40%". */
  percent(value: number): string;
  integer(value: number): string;
  date(iso: string): string;
}

const cache = new Map<string, Formatters>();

/** `bytes` in the largest unit of UNITS it fills, through that unit's formatter. */
function scaled(bytes: number, formats: readonly Intl.NumberFormat[]): string {
  let value = Math.max(0, bytes);
  let index = 0;
  while (value >= 1024 && index < UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  return (formats[index] as Intl.NumberFormat).format(value);
}

export function formattersFor(labels: Pick<FiledockLabels, 'locale' | 'timeZone'>): Formatters {
  const key = `${labels.locale}|${labels.timeZone ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { locale, timeZone } = labels;
  // Plain bytes read best long ("512 bytes"; the short form says "512 byte" in English).
  const unit = (u: string, digits: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      unitDisplay: u.startsWith('byte') ? 'long' : 'short',
      maximumFractionDigits: digits,
    });
  // One formatter per unit of UNITS, in its order, so every index `scaled` reaches has one.
  const sizes = UNITS.map((u) => unit(u, u === 'byte' ? 0 : 1));
  const speeds = UNITS.map((u) => unit(`${u}-per-second`, u === 'byte' ? 0 : 1));
  const seconds = unit('second', 0);
  const minutes = unit('minute', 0);
  const hours = unit('hour', 1);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });

  const formatters: Formatters = {
    bytes: (bytes) => scaled(bytes, sizes),
    speed: (bytesPerSecond) => scaled(bytesPerSecond, speeds),
    duration(total) {
      const s = Math.max(0, Math.ceil(total));
      if (s < 60) return seconds.format(s);
      if (s < 3600) return minutes.format(Math.ceil(s / 60));
      return hours.format(s / 3600);
    },
    percent: (value) => percent.format(Math.min(100, Math.max(0, value)) / 100),
    integer: (value) => integer.format(value),
    date(iso) {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : date.format(time);
    },
  };
  cache.set(key, formatters);
  return formatters;
}

/** A text per CLDR plural category; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The helpers' `Intl` objects, made on first use (labels run on every progress frame), in one map
 * keyed by kind and locale: a plural rule by the tag, a count format by `#tag`, a list by `type|tag`.
 */
const made = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const hit = (made.get(key) as T | undefined) ?? make();
  made.set(key, hit);
  return hit;
}

/** `count` as the locale writes a whole number (Arabic: "٣", German: "1.024"). */
export function formatCount(locale: string, count: number): string {
  return cached(`#${locale}`, () => new Intl.NumberFormat(locale)).format(count);
}

/**
 * The form of `forms` that `Intl.PluralRules` picks for `count` in `locale`, with `#` replaced by
 * the count in the locale's digits: Polish `one`/`few`/`many`, Arabic `zero`…`many`, and so on,
 * never `count === 1`. A category the forms leave out falls back to `other`.
 *
 * @example plural('pl', 5, { one: '# plik', few: '# pliki', many: '# plików', other: '# pliku' }) // "5 plików"
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const category = cached(locale, () => new Intl.PluralRules(locale)).select(count);
  return (forms[category] ?? forms.other).replaceAll('#', formatCount(locale, count));
}

/** "PDF, Word or Markdown" in the locale's words and punctuation. */
export function formatList(
  locale: string,
  items: readonly string[],
  type: Intl.ListFormatType = 'disjunction',
): string {
  return cached(`${type}|${locale}`, () => new Intl.ListFormat(locale, { type })).format(items);
}

/** A size in bytes as `formattersFor` writes it in `locale` ("1,5 MB", "21 Byte"). */
export function formatSize(locale: string, bytes: number): string {
  return formattersFor({ locale, timeZone: undefined }).bytes(bytes);
}

/**
 * A file's size and the limit it breaks, both formatted in `locale`, for a validation error's
 * text. `size` is `undefined` when it would read the same as the limit once rounded ("100 MB, more
 * than the 100 MB limit" reads as a contradiction): say "larger than" the limit instead.
 */
export function sizeAndLimit(
  locale: string,
  size: number,
  limit: number,
): { size: string | undefined; limit: string } {
  const { bytes } = formattersFor({ locale, timeZone: undefined });
  const own = bytes(size);
  const max = bytes(limit);
  return { size: own === max ? undefined : own, limit: max };
}

/** A long file name cut to `max` characters and "…", as error texts quote it. */
export function clipName(name: string, max = 40): string {
  return name.length > max ? `${name.slice(0, max)}…` : name;
}
