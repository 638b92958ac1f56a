/** Small value checks shared by the route tables. Each returns why a value is refused, or undefined. */
import type { ValueCheck } from './types.js';

export const intIn =
  (min: number, max: number): ValueCheck =>
  (value) => {
    if (!/^\d{1,10}$/.test(value)) return 'must be a non-negative integer';
    const n = Number(value);
    return n < min || n > max ? `must be from ${min} to ${max}` : undefined;
  };

export const oneOf =
  (allowed: readonly string[]): ValueCheck =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;

/** Opaque tokens (page cursors) and ids: a conservative alphabet, bounded length. */
export const token =
  (max = 512): ValueCheck =>
  (value) =>
    value.length >= 1 && value.length <= max && /^[A-Za-z0-9_.~+/=:-]+$/.test(value)
      ? undefined
      : 'is not a valid token';

export const matches =
  (pattern: RegExp, what: string): ValueCheck =>
  (value) =>
    pattern.test(value) ? undefined : `must be ${what}`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Free text (file names, external ids): 1–max characters, no control characters. */
export const text =
  (max: number): ValueCheck =>
  (value) => {
    const length = [...value].length;
    if (length < 1 || length > max) return `must be 1–${max} characters`;
    return CONTROL.test(value) ? 'must not contain control characters' : undefined;
  };

/** A file name as xAI and LlamaCloud accept it in a multipart part. */
export const filename: ValueCheck = (value) =>
  text(255)(value) ?? (/["\\/;]/.test(value) ? 'must not contain ", \\, / or ;' : undefined);

/** A MIME type `type/subtype` with optional parameters. */
export const mimeType: ValueCheck = matches(
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;[\x20-\x7e]{0,200})?$/i,
  'a MIME type',
);

/** A generic service id: letters, digits, `_` and `-`, 1–128 characters. */
export const GENERIC_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
