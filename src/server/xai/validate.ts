/**
 * xAI request checks. The upload is refused with 400 when its form breaks a rule (fields after
 * the file part, a bad filename, an out-of-range `expires_after`), 413 above 50 MB; undocumented
 * query parameters or form fields are a 422 like on every strict server.
 */
import {
  XAI_MAX_EXPIRES_AFTER,
  XAI_MAX_FILENAME_LENGTH,
  XAI_MAX_PAGE_SIZE,
  XAI_MAX_SIZE_BYTES,
  XAI_MIN_EXPIRES_AFTER,
} from '../../core/xai/constants.js';
import { ApiError } from '../errors.js';
import type { ReceivedFile } from '../multipart.js';
import type { XaiShape } from '../options.js';
import { enumParam, intParam, param, rejectUnknownParams } from '../query.js';
import { hasControlChars } from '../text.js';
import { parseFilter } from './filter.js';
import { tokenParam, type XaiFile } from './view.js';

/** "50 MB per request", read as MiB like the client's rules. */
export const XAI_MAX_REQUEST_BYTES = XAI_MAX_SIZE_BYTES;

/** The form fields xAI reads; they must all come before the file part. */
export const UPLOAD_FIELDS = [
  'purpose',
  'expires_after',
  // the OpenAI SDK's deepObject form of expires_after
  'expires_after[anchor]',
  'expires_after[seconds]',
];

const bad = (
  code: 'invalid_value' | 'invalid_filename' | 'missing_file',
  message: string,
  param?: string,
) => new ApiError(400, code, message, param, { location: 'body' });

export function fieldOrderError(name: string): ApiError {
  return new ApiError(
    400,
    'field_order',
    `Form field "${name}" arrived after the file part; send purpose and expires_after before file.`,
    name,
    { location: 'body' },
  );
}

/** Why a filename is refused, or undefined. */
export function filenameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length < 1) return 'The file part needs a filename.';
  if (length > XAI_MAX_FILENAME_LENGTH)
    return `The filename is ${length} characters long; the limit is ${XAI_MAX_FILENAME_LENGTH}.`;
  if (hasControlChars(name)) return 'The filename must not contain control characters.';
  if (/[";\\]/.test(name)) return 'The filename must not contain ", ; or \\.';
  return undefined;
}

function expiresSeconds(value: string, name: string): number {
  const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < XAI_MIN_EXPIRES_AFTER || n > XAI_MAX_EXPIRES_AFTER)
    throw bad(
      'invalid_value',
      `${name} must be an integer from ${XAI_MIN_EXPIRES_AFTER} to ${XAI_MAX_EXPIRES_AFTER} (seconds), got "${value}".`,
      name,
    );
  return n;
}

/** `expires_after=N`, or the deepObject pair `expires_after[anchor]=created_at` + `[seconds]=N`. */
function parseExpiresAfter(fields: ReadonlyMap<string, string>): number | null {
  const plain = fields.get('expires_after');
  const anchor = fields.get('expires_after[anchor]');
  const deep = fields.get('expires_after[seconds]');
  if (plain !== undefined && (anchor !== undefined || deep !== undefined))
    throw bad(
      'invalid_value',
      'Send expires_after either as an integer or as anchor + seconds.',
      'expires_after',
    );
  if (plain !== undefined) return expiresSeconds(plain, 'expires_after');
  if (anchor === undefined && deep === undefined) return null;
  if (anchor !== 'created_at')
    throw bad(
      'invalid_value',
      'expires_after[anchor] must be "created_at".',
      'expires_after[anchor]',
    );
  if (deep === undefined)
    throw bad('invalid_value', 'expires_after[seconds] is missing.', 'expires_after[seconds]');
  return expiresSeconds(deep, 'expires_after[seconds]');
}

export interface UploadParams {
  file: ReceivedFile;
  filename: string;
  purpose: string | null;
  expiresAfterSeconds: number | null;
}

export function parseUploadFields(
  fields: ReadonlyMap<string, string>,
  file: ReceivedFile | undefined,
): UploadParams {
  if (!file) throw bad('missing_file', 'The form has no file part.', 'file');
  const problem = filenameProblem(file.filename);
  if (problem) throw bad('invalid_filename', problem, 'file');
  const purpose = fields.get('purpose') ?? null;
  if (purpose !== null && (purpose.trim() === '' || purpose.length > 128))
    throw bad('invalid_value', 'purpose must be 1–128 characters.', 'purpose');
  return {
    file,
    filename: file.filename,
    purpose,
    expiresAfterSeconds: parseExpiresAfter(fields),
  };
}

export const SORT_FIELDS = ['created_at', 'filename', 'size'] as const;
const ORDERS = ['asc', 'desc', 'ASCENDING', 'DESCENDING'] as const;

export interface ListParams {
  limit: number;
  token: string | undefined;
  /** Undefined: no order is guaranteed (the server answers in id order, on purpose). */
  sortBy: (typeof SORT_FIELDS)[number] | undefined;
  descending: boolean;
  /** The `filter` expression as sent (it scopes the page token), and its predicate. */
  filter: { text: string; test: (file: XaiFile) => boolean } | undefined;
}

export function parseListQuery(query: URLSearchParams, shape: XaiShape): ListParams {
  const token = tokenParam(shape);
  rejectUnknownParams(query, ['limit', 'order', 'sort_by', 'team_id', 'filter', token]);
  const order = enumParam(query, 'order', ORDERS, 400) ?? 'desc';
  const filter = param(query, 'filter');
  return {
    limit:
      intParam(query, 'limit', { min: 1, max: XAI_MAX_PAGE_SIZE, status: 400 }) ??
      XAI_MAX_PAGE_SIZE,
    token: param(query, token),
    sortBy: enumParam(query, 'sort_by', SORT_FIELDS, 400),
    descending: order === 'desc' || order === 'DESCENDING',
    filter: filter === undefined ? undefined : { text: filter, test: parseFilter(filter) },
  };
}

/** Retrieve, delete and content take only `team_id`. */
export function checkFileQuery(query: URLSearchParams): void {
  rejectUnknownParams(query, ['team_id']);
}
