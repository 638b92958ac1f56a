/**
 * Signed storage URLs. The token is HMAC-SHA256 over (kind, file id, expiry) with a secret the
 * client never sees, so a URL cannot be forged, re-targeted at another file, or extended.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BaseContext } from './context.js';
import { ApiError } from './errors.js';

export type UrlKind = 'upload' | 'download';

export class UrlSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  sign(kind: UrlKind, id: string, expiresMs: number): string {
    return createHmac('sha256', this.secret)
      .update(`${kind}\n${id}\n${expiresMs}`)
      .digest('base64url');
  }

  /** Builds `${base}/_storage/<kind>/<id>?expires=…&token=…`. */
  url(base: string, kind: UrlKind, id: string, expiresMs: number): string {
    const token = this.sign(kind, id, expiresMs);
    return `${base}/_storage/${kind}/${encodeURIComponent(id)}?expires=${expiresMs}&token=${token}`;
  }

  /** A UUID derived from the secret: stable for a data dir, unguessable from outside it. */
  derivedUuid(label = 'default-project'): string {
    const hex = createHmac('sha256', this.secret).update(label).digest('hex');
    const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Constant-time check of a token against the claimed id and expiry. */
  verify(
    kind: UrlKind,
    id: string,
    expires: string | null,
    token: string | null,
  ): { ok: true; expiresMs: number } | { ok: false } {
    if (!expires || !/^\d{1,16}$/.test(expires) || !token) return { ok: false };
    const expiresMs = Number(expires);
    const expected = Buffer.from(this.sign(kind, id, expiresMs));
    const given = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
    return { ok: true, expiresMs };
  }
}

/** Refuses (403) a storage request whose URL is forged, re-targeted or expired. */
export function verifySignedUrl(
  ctx: Pick<BaseContext, 'signer' | 'now'>,
  kind: UrlKind,
  id: string,
  query: URLSearchParams,
): void {
  const verdict = ctx.signer.verify(kind, id, query.get('expires'), query.get('token'));
  if (!verdict.ok) throw new ApiError(403, 'invalid_signature', 'The URL signature is not valid.');
  if (ctx.now() >= verdict.expiresMs)
    throw new ApiError(403, 'url_expired', 'The URL has expired.');
}
