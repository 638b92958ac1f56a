/**
 * Cursor (keyset) pagination for the LlamaCloud and xAI lists. A token carries the sort key of
 * the last item served and a fingerprint of the query it belongs to, so a page never repeats or
 * skips items when files are added or deleted between pages, and a token replayed against
 * another query (other filter or order) is refused instead of silently answering nonsense.
 */
import { createHash } from 'node:crypto';

export type SortKey = Array<string | number>;

export interface PageRequest<T> {
  /** The item's sort key; end it with something unique (the id) so ties have an order. */
  key(item: T): SortKey;
  descending: boolean;
  limit: number;
  token: string | undefined;
  /** Everything that defines the list besides paging (filters, order), as a stable string. */
  scope: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  next?: string;
}

function compare(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const fingerprint = (scope: string): string =>
  createHash('sha256').update(scope).digest('base64url').slice(0, 16);

function encode(key: SortKey, scope: string): string {
  return Buffer.from(JSON.stringify({ k: key, s: fingerprint(scope) })).toString('base64url');
}

/** The sort key a token resumes after, or undefined when the token is not one of ours for this query. */
function decode(token: string, scope: string): SortKey | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
    };
    const keyOk =
      Array.isArray(parsed.k) &&
      parsed.k.every((v) => typeof v === 'string' || typeof v === 'number');
    if (!keyOk || parsed.s !== fingerprint(scope)) return undefined;
    return parsed.k as SortKey;
  } catch {
    return undefined;
  }
}

/** One page of `all`; throws `invalidToken()` when the token does not belong to this query. */
export function paginate<T>(
  all: readonly T[],
  request: PageRequest<T>,
  invalidToken: () => Error,
): Page<T> {
  const sign = request.descending ? -1 : 1;
  const sorted = [...all].sort((a, b) => sign * compare(request.key(a), request.key(b)));
  let rest = sorted;
  if (request.token !== undefined) {
    const after = decode(request.token, request.scope);
    if (!after) throw invalidToken();
    rest = sorted.filter((item) => sign * compare(request.key(item), after) > 0);
  }
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  return rest.length > request.limit && last !== undefined
    ? { items, next: encode(request.key(last), request.scope) }
    : { items };
}
