/**
 * Validation before any network call: name, size and type against one purpose rule.
 *
 * `validateFile` / `validateFiles` are synchronous and judge the type by `file.type` or the
 * extension. `inspectFile` / `inspectFiles` also read the first bytes (see `resolveMimeType`),
 * which the upload engine does for every file it accepts.
 */
import type { FileError, FilenameProblem, FileRejection } from '../errors.js';
import { lazily } from '../lazy.js';
import { formatBytes, typeLabels } from './describe.js';
import { claimedMimeType, OCTET_STREAM } from './mime.js';
import {
  defaultPurposeRules,
  isMimeTypeAllowed,
  ruleFor,
  type PurposeRule,
  type PurposeRules,
} from './purposes.js';

/** The sniffer only matters once a file is inspected: loaded then (see lazily). The engine uses it too. */
export const loadSniffer = lazily(() => import('./resolve.js'));

// Control characters (C0 and DEL) break headers and storage keys.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export interface ValidateOptions {
  /** A rule table, or one rule. @default defaultPurposeRules */
  rules?: Readonly<PurposeRules> | PurposeRule;
  /** Which rule of the table applies. @default undefined (the `none` rule) */
  purpose?: string;
  /** Refuse the valid files past this many (code `too-many-files`). @default the rule's `maxFiles` */
  maxFiles?: number;
}

export interface AcceptedFile {
  file: File;
  /** The type to create the upload with. */
  mimeType: string;
}

export interface ValidationResult {
  accepted: AcceptedFile[];
  rejected: FileRejection[];
}

function isRule(value: Readonly<PurposeRules> | PurposeRule): value is PurposeRule {
  return typeof (value as PurposeRule).maxSize === 'number';
}

/** The rule `options` point at. */
export function resolveRule(
  rules: Readonly<PurposeRules> | PurposeRule = defaultPurposeRules,
  purpose?: string,
): PurposeRule {
  return isRule(rules) ? rules : ruleFor(purpose, rules);
}

export function checkFilename(name: string, maxLength: number): FileError | undefined {
  const fail = (message: string, reason: FilenameProblem, limit?: number): FileError => ({
    code: 'filename-invalid',
    message,
    params: { fileName: name, reason, ...(limit === undefined ? {} : { maxLength: limit }) },
  });
  if (name.trim().length === 0) return fail('A file name cannot be empty.', 'empty');
  if (name.length > maxLength)
    return fail(
      `The name of ${name.slice(0, 40)}… is longer than ${maxLength} characters.`,
      'too-long',
      maxLength,
    );
  if (CONTROL_CHARS.test(name))
    return fail(
      `The name ${JSON.stringify(name)} contains control characters.`,
      'control-characters',
    );
  if (/[/\\]/.test(name))
    return fail(`The name ${name} contains a path separator (/ or \\).`, 'path-separator');
  if (name === '.' || name === '..') return fail(`${name} is not a valid file name.`, 'reserved');
  return undefined;
}

export function typeError(file: File, rule: PurposeRule): FileError {
  const types = typeLabels(rule);
  return {
    code: 'file-invalid-type',
    message: `${file.name} is not an accepted file type. Accepted: ${types.join(', ')}.`,
    params: { fileName: file.name, types },
  };
}

export function tooManyError(file: File, maxFiles: number): FileError {
  const limit = maxFiles === 1 ? 'Only 1 file' : `Only ${maxFiles} files`;
  return {
    code: 'too-many-files',
    message: `${limit} can be added at once; ${file.name} was not added.`,
    params: { fileName: file.name, maxFiles },
  };
}

/**
 * Every reason `file` breaks `rule`. With `mimeType` undefined the type is left undecided (the
 * engine sniffs the bytes before deciding); otherwise it is checked against the rule.
 */
export function fileErrors(
  file: File,
  rule: PurposeRule,
  mimeType: string | undefined,
): FileError[] {
  const errors: FileError[] = [];
  const nameError = checkFilename(file.name, rule.maxFilenameLength);
  if (nameError) errors.push(nameError);
  if (mimeType !== undefined && !isMimeTypeAllowed(rule, mimeType))
    errors.push(typeError(file, rule));
  if (file.size > rule.maxSize) {
    const size = formatBytes(file.size);
    const limit = formatBytes(rule.maxSize);
    // "is 100 MB, more than the 100 MB limit" reads as a contradiction: drop the rounded size.
    const message =
      size === limit
        ? `${file.name} is larger than the ${limit} limit.`
        : `${file.name} is ${size}, more than the ${limit} limit.`;
    errors.push({
      code: 'file-too-large',
      message,
      params: { fileName: file.name, size: file.size, maxSize: rule.maxSize },
    });
  } else if (file.size < rule.minSize) {
    const message =
      file.size === 0
        ? `${file.name} is empty.`
        : `${file.name} is smaller than the ${formatBytes(rule.minSize)} minimum.`;
    errors.push({
      code: 'file-too-small',
      message,
      params: { fileName: file.name, size: file.size, minSize: rule.minSize },
    });
  }
  return errors;
}

/**
 * Checks one file by its name, size and claimed type (`file.type`, else the extension; a file
 * with neither counts as `application/octet-stream`). Synchronous: no bytes are read.
 *
 * @example validateFile(file, defaultPurposeRules, 'knowledge_user') // → [] when acceptable
 */
export function validateFile(
  file: File,
  rules?: Readonly<PurposeRules> | PurposeRule,
  purpose?: string,
): FileError[] {
  return fileErrors(file, resolveRule(rules, purpose), claimedMimeType(file) ?? OCTET_STREAM);
}

/** Splits checked files, turning valid ones past `maxFiles` into `too-many-files` rejections. */
function partition(
  checked: ReadonlyArray<{ file: File; mimeType: string; errors: FileError[] }>,
  maxFiles: number | undefined,
): ValidationResult {
  const result: ValidationResult = { accepted: [], rejected: [] };
  for (const { file, mimeType, errors } of checked) {
    if (errors.length > 0) result.rejected.push({ file, errors });
    else if (maxFiles !== undefined && result.accepted.length >= maxFiles)
      result.rejected.push({ file, errors: [tooManyError(file, maxFiles)] });
    else result.accepted.push({ file, mimeType });
  }
  return result;
}

/** Checks a batch synchronously (see `validateFile`), applying `maxFiles` to the valid ones in order. */
export function validateFiles(
  files: readonly File[] | FileList,
  options: ValidateOptions = {},
): ValidationResult {
  const rule = resolveRule(options.rules, options.purpose);
  const checked = Array.from(files, (file) => {
    const mimeType = claimedMimeType(file) ?? OCTET_STREAM;
    return { file, mimeType, errors: fileErrors(file, rule, mimeType) };
  });
  return partition(checked, options.maxFiles ?? rule.maxFiles);
}

/** Like `validateFile`, but the type also comes from the first bytes (see `resolveMimeType`). */
export async function inspectFile(
  file: File,
  options: Omit<ValidateOptions, 'maxFiles'> = {},
): Promise<{ mimeType: string; errors: FileError[] }> {
  const { resolveMimeType } = await loadSniffer();
  const mimeType = await resolveMimeType(file);
  return {
    mimeType,
    errors: fileErrors(file, resolveRule(options.rules, options.purpose), mimeType),
  };
}

/** Like `validateFiles`, reading each file's first bytes. */
export async function inspectFiles(
  files: readonly File[] | FileList,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const list = Array.from(files);
  const checked = await Promise.all(
    list.map(async (file) => ({ file, ...(await inspectFile(file, options)) })),
  );
  return partition(
    checked,
    options.maxFiles ?? resolveRule(options.rules, options.purpose).maxFiles,
  );
}
