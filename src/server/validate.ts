/**
 * Request validation. Status policy (decided where the contract is silent):
 * - what the OpenAPI schema itself forbids (unknown keys, missing or mistyped fields, filename
 *   length, sizeBytes range, the purpose enum, the md5 pattern, list paging) → 400 `bad_request`
 *   with a `code` and the blamed `param` (the published BadRequestError requires `code`);
 * - a well-formed request the purpose rules refuse (MIME type not allowed, size above the
 *   purpose's cap) → 422 `unprocessable_content`.
 */
import {
  MAX_LIST_LIMIT,
  MAX_SIZE_BYTES,
  MD5_PATTERN,
  PURPOSES,
  type Purpose,
} from '../core/lightfield/constants.js';
import type { FileCreateParams } from '../core/lightfield/schemas.js';
import { isMimeTypeAllowed, ruleFor, type PurposeRules } from '../core/rules/purposes.js';
import { ApiError } from './errors.js';
import { hasControlChars } from './text.js';

type Json = Record<string, unknown>;

function asObject(body: unknown): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object.');
  }
  return body as Json;
}

function rejectUnknown(body: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key))
      throw new ApiError(400, 'unknown_field', `Unknown field "${key}".`, key);
  }
}

/** Why a filename is refused, or undefined when it is fine. */
export function filenameProblem(name: string): string | undefined {
  const length = [...name].length; // code points, as JSON Schema's maxLength counts
  if (length < 1) return 'filename must not be empty.';
  if (length > 255) return `filename is ${length} characters long; the limit is 255.`;
  if (hasControlChars(name)) return 'filename must not contain control characters.';
  if (/[/\\]/.test(name)) return 'filename must not contain path separators (/ or \\).';
  if (name === '.' || name === '..' || name.trim() === '') return 'filename must name a file.';
  return undefined;
}

const MIME_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;

export function parseCreateBody(raw: unknown, rules: Readonly<PurposeRules>): FileCreateParams {
  const body = asObject(raw);
  rejectUnknown(body, ['filename', 'mimeType', 'sizeBytes', 'purpose']);
  for (const key of ['filename', 'mimeType', 'sizeBytes']) {
    if (body[key] === undefined)
      throw new ApiError(400, 'missing_field', `Missing required field "${key}".`, key);
  }
  const { filename, mimeType, sizeBytes, purpose } = body;
  if (typeof filename !== 'string')
    throw new ApiError(400, 'invalid_type', 'filename must be a string.', 'filename');
  if (typeof mimeType !== 'string')
    throw new ApiError(400, 'invalid_type', 'mimeType must be a string.', 'mimeType');
  if (typeof sizeBytes !== 'number')
    throw new ApiError(400, 'invalid_type', 'sizeBytes must be an integer.', 'sizeBytes');
  const problem = filenameProblem(filename);
  if (problem) throw new ApiError(400, 'invalid_filename', problem, 'filename');
  if (!Number.isInteger(sizeBytes) || sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
    throw new ApiError(
      400,
      'invalid_size',
      `sizeBytes must be an integer from 1 to ${MAX_SIZE_BYTES}.`,
      'sizeBytes',
    );
  }
  if (purpose !== undefined && !PURPOSES.includes(purpose as Purpose)) {
    throw new ApiError(
      400,
      'invalid_purpose',
      `purpose must be one of ${PURPOSES.join(', ')}.`,
      'purpose',
    );
  }
  if (!MIME_PATTERN.test(mimeType)) {
    throw new ApiError(
      400,
      'invalid_mime_type',
      'mimeType must look like type/subtype.',
      'mimeType',
    );
  }
  const rule = ruleFor(purpose as Purpose | undefined, rules);
  const essence = (mimeType.split(';')[0] ?? '').trim();
  if (!isMimeTypeAllowed(rule, essence)) {
    throw new ApiError(
      422,
      'mime_type_not_allowed',
      `mimeType ${essence} is not allowed for purpose ${String(purpose)}.`,
      'mimeType',
    );
  }
  if (sizeBytes > rule.maxSize || sizeBytes < rule.minSize) {
    throw new ApiError(
      422,
      'file_too_large',
      `sizeBytes ${sizeBytes} is outside ${rule.minSize}–${rule.maxSize} for purpose ${String(purpose ?? 'none')}.`,
      'sizeBytes',
    );
  }
  return {
    filename,
    mimeType,
    sizeBytes,
    ...(purpose === undefined ? {} : { purpose: purpose as Purpose }),
  };
}

export function parseCompleteBody(raw: unknown): { md5?: string } {
  const body = asObject(raw);
  rejectUnknown(body, ['md5']);
  if (body.md5 === undefined) return {};
  if (typeof body.md5 !== 'string' || !MD5_PATTERN.test(body.md5)) {
    throw new ApiError(400, 'invalid_md5', 'md5 must be 32 lower-case hex characters.', 'md5');
  }
  return { md5: body.md5 };
}

export function parseCancelBody(raw: unknown): void {
  rejectUnknown(asObject(raw), []);
}

function queryInt(value: string, name: 'offset' | 'limit', min: number, max: number): number {
  const code = name === 'offset' ? 'invalid_offset' : 'invalid_limit';
  if (!/^\d{1,16}$/.test(value))
    throw new ApiError(400, code, `${name} must be a non-negative integer.`, name);
  const n = Number(value);
  if (n < min || n > max)
    throw new ApiError(400, code, `${name} must be from ${min} to ${max}.`, name);
  return n;
}

export function parseListQuery(query: URLSearchParams): { offset: number; limit: number } {
  for (const key of query.keys()) {
    if (key !== 'offset' && key !== 'limit')
      throw new ApiError(400, 'unknown_parameter', `Unknown query parameter "${key}".`, key);
  }
  const offset = query.get('offset');
  const limit = query.get('limit');
  return {
    offset:
      offset === null || offset === '' ? 0 : queryInt(offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit:
      limit === null || limit === '' ? MAX_LIST_LIMIT : queryInt(limit, 'limit', 1, MAX_LIST_LIMIT),
  };
}
