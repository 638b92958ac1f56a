/**
 * `Idempotency-Key` on POSTs. Scope: API key + method + path + key. The first request reserves
 * the key; a duplicate arriving while it runs gets 409 `idempotency_conflict`; once it finished,
 * the same body replays the stored answer (with `Idempotent-Replayed: true`), and a different
 * body gets 422 `idempotency_key_reused` — 422, not 409, because retrying cannot help and the
 * SDKs retry 409s. Answers of 5xx are not stored, so a retry after a server failure runs again.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

interface Entry {
  fingerprint: string;
  done?: { status: number; body: unknown };
}

export type Reservation =
  | { kind: 'fresh'; finish(status: number, body: unknown): void; release(): void }
  | { kind: 'replay'; status: number; body: unknown };

/** Order-insensitive fingerprint of a JSON body, so `{a,b}` and `{b,a}` count as the same. */
function fingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)) ?? '')
    .digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ApiError(
      400,
      'invalid_idempotency_key',
      `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      'Idempotency-Key',
    );
  }
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  reserve(scope: string, key: string, body: unknown): Reservation {
    checkIdempotencyKey(key);
    const id = `${scope}\n${key}`;
    const print = fingerprint(body);
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== print) {
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request body.',
          'Idempotency-Key',
        );
      }
      if (!existing.done) {
        throw new ApiError(
          409,
          'idempotency_conflict',
          'A request with this Idempotency-Key is still being processed.',
          'Idempotency-Key',
        );
      }
      return { kind: 'replay', ...existing.done };
    }
    const entry: Entry = { fingerprint: print };
    this.entries.set(id, entry);
    return {
      kind: 'fresh',
      finish: (status, answer) => {
        if (status >= 500) this.entries.delete(id);
        else entry.done = { status, body: answer };
      },
      release: () => {
        if (!entry.done) this.entries.delete(id);
      },
    };
  }

  clear(): void {
    this.entries.clear();
  }
}
