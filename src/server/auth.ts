/** Bearer authentication and the required version header. */
import type { IncomingMessage } from 'node:http';
import { DEFAULT_API_VERSION } from '../core/lightfield/constants.js';
import { ApiError } from './errors.js';
import { header } from './http.js';

/** Versions this server speaks (the published OpenAPI lists one). */
export const SUPPORTED_VERSIONS = [DEFAULT_API_VERSION];

/** Returns the bearer token, or throws 401. `apiKeys` undefined accepts any non-empty token. */
export function authenticate(req: IncomingMessage, apiKeys: readonly string[] | undefined): string {
  const value = header(req, 'authorization');
  if (!value)
    throw new ApiError(
      401,
      'missing_api_key',
      'Missing Authorization header: send "Authorization: Bearer <key>".',
    );
  const token = /^Bearer\s+(\S+)\s*$/i.exec(value)?.[1];
  if (token === undefined)
    throw new ApiError(401, 'invalid_api_key', 'The Authorization header must be "Bearer <key>".');
  if (apiKeys && !apiKeys.includes(token))
    throw new ApiError(401, 'invalid_api_key', 'The API key is not valid.');
  return token;
}

export function checkVersion(req: IncomingMessage): void {
  const version = header(req, 'lightfield-version');
  if (!version)
    throw new ApiError(
      400,
      'version_header',
      'Missing Lightfield-Version header.',
      'Lightfield-Version',
    );
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new ApiError(
      400,
      'version_header',
      `Unsupported Lightfield-Version "${version}"; use ${SUPPORTED_VERSIONS.join(', ')}.`,
      'Lightfield-Version',
    );
  }
}

export function isAdmin(token: string, adminTokens: readonly string[] | undefined): boolean {
  return adminTokens === undefined || adminTokens.includes(token);
}
