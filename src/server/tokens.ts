/**
 * Signed storage URLs. The token is HMAC-SHA256 over (kind, file id, expiry) with a secret the
 * client never sees, so a URL cannot be forged, re-targeted at another file, or extended.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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
