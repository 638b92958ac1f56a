/**
 * Idempotency keys are scoped by upstream to the organisation, and every user shares its key: two
 * users sending the same key would get each other's cached answer (an upload URL included). The
 * proxy sends `fdk_` + SHA-256(user id, key) instead: stable for one user's retries, distinct
 * across users, and the same length whatever the input.
 */
import { type Refusal, refuse } from './errors.js';
import { sha256Base64url } from './sha256.js';

/** Printable ASCII, 1–255 characters (the API's limit), as UUIDs and the SDKs' keys are. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The upstream key for this user's key; undefined when none was sent. */
export async function namespacedKey(
  request: Request,
  userId: string,
): Promise<string | undefined | Refusal> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!KEY.test(key))
    return refuse(
      400,
      'invalid_idempotency_key',
      'Idempotency-Key must be 1–255 printable ASCII characters.',
      {
        param: 'Idempotency-Key',
      },
    );
  return `fdk_${await sha256Base64url(`${userId.length}:${userId}\n${key}`)}`;
}
