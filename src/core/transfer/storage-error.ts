/**
 * What a storage refusal means for the upload: a 403 is a bad signature or an expired URL, a 412
 * is a name collision (`if-none-match: *` on knowledge purposes), and the rest maps like the API.
 */
import { errorFromResponse, parseMaybeJson } from '../http/map-error.js';
import type { HeaderGetter } from '../http/retry-after.js';
import { FiledockError } from '../errors.js';

export interface StorageAnswer {
  status: number;
  bodyText: string;
  getHeader: HeaderGetter;
  /** The session's `expiresAt`, when the caller knows it. */
  expiresAt?: string;
  /** @default Date.now() */
  now?: number;
}

export function mapStorageError({
  status,
  bodyText,
  getHeader,
  expiresAt,
  now = Date.now(),
}: StorageAnswer): FiledockError {
  const generic = errorFromResponse({
    status,
    body: parseMaybeJson(bodyText),
    getHeader,
    what: 'PUT to storage',
  });
  const detail = {
    status,
    type: generic.type,
    serverCode: generic.serverCode,
    param: generic.param,
    retryable: false,
    cause: generic,
  };
  if (status === 403) {
    // S3 says "Request has expired", GCS "ExpiredToken"; the session deadline settles the rest.
    const expiredByBody = /expired/i.test(bodyText);
    const deadline = expiresAt === undefined ? Number.NaN : Date.parse(expiresAt);
    const expiredByClock = !Number.isNaN(deadline) && now > deadline;
    if (expiredByBody || expiredByClock) {
      return new FiledockError({
        ...detail,
        code: 'upload-expired',
        message: 'The upload URL has expired; a new upload session is needed.',
      });
    }
    return new FiledockError({
      ...detail,
      code: 'storage-rejected',
      message: `Storage refused the upload (HTTP 403): ${generic.type ? generic.message : 'signature or headers not accepted'}.`,
    });
  }
  if (status === 412) {
    return new FiledockError({
      ...detail,
      code: 'conflict',
      message: 'A file with this name already exists (HTTP 412 from storage).',
    });
  }
  return generic;
}
