/**
 * Checks what the calling code passes before anything is sent, so that every request that goes
 * out matches the published request schemas. Bad input rejects with code `bad_request` and the
 * blamed `param`, and no status (the server never saw it).
 */
import { badArgument } from '../errors.js';
import { MAX_FILENAME_LENGTH, MAX_SIZE_BYTES, MD5_PATTERN, PURPOSES } from './constants.js';
import type { FileCompleteParams, FileCreateParams, FileListParams } from './schemas.js';

/**
 * Only the documented keys go out (the API rejects unknown ones with 400 `unknown_field`), and
 * only values the published schema allows: a request that cannot succeed is never sent.
 */
export function createBody(params: FileCreateParams): FileCreateParams {
  if (!params || typeof params !== 'object')
    throw badArgument('create() needs {filename, mimeType, sizeBytes}.');
  const { filename, mimeType, sizeBytes, purpose } = params;
  // Characters as JSON Schema counts them: code points, not UTF-16 units.
  const length = typeof filename === 'string' ? [...filename].length : 0;
  if (length < 1 || length > MAX_FILENAME_LENGTH) {
    throw badArgument(`\`filename\` must be 1–${MAX_FILENAME_LENGTH} characters.`, 'filename');
  }
  if (typeof mimeType !== 'string' || mimeType === '')
    throw badArgument('`mimeType` must be a non-empty string.', 'mimeType');
  if (!Number.isInteger(sizeBytes) || sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
    throw badArgument(`\`sizeBytes\` must be an integer from 1 to ${MAX_SIZE_BYTES}.`, 'sizeBytes');
  }
  if (purpose !== undefined && !PURPOSES.includes(purpose)) {
    throw badArgument(`\`purpose\` must be one of ${PURPOSES.join(', ')}.`, 'purpose');
  }
  return purpose === undefined
    ? { filename, mimeType, sizeBytes }
    : { filename, mimeType, sizeBytes, purpose };
}

export function completeBody(params: FileCompleteParams | undefined): FileCompleteParams {
  const md5 = params?.md5;
  if (md5 === undefined) return {};
  if (typeof md5 !== 'string' || !MD5_PATTERN.test(md5)) {
    throw badArgument('`md5` must be 32 lower-case hex characters.', 'md5');
  }
  return { md5 };
}

export function listQuery(params: FileListParams | undefined): string {
  const query = new URLSearchParams();
  for (const key of ['offset', 'limit'] as const) {
    const value = params?.[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0)
      throw badArgument(`\`${key}\` must be an integer ≥ 0.`, key);
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export { badArgument };
export { encodeId } from '../http/path.js';
