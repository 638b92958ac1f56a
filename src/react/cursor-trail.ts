/**
 * The tokens a cursor-paged list was reached by, kept in `useFiles`' state.
 *
 * Page n's answer carries the token of page n+1 (`nextCursor`). Reading those tokens back from
 * the query cache fails once `gcTime` evicts a page nobody is watching (say page 1 while the
 * user reads page 3), and Previous then had nothing to fetch with; the trail keeps them for as
 * long as the list is on screen. Pure, so it is tested without React.
 */

export interface CursorTrail {
  /** Scope and limit the tokens belong to; another list starts a new trail. */
  key: string;
  /** `next[n - 1]` is the token of page n + 1, as page n reported it. */
  next: readonly string[];
  /** The page that reported no next token: the last page, once seen. */
  last: number | undefined;
}

export function emptyTrail(key: string): CursorTrail {
  return { key, next: [], last: undefined };
}

/**
 * The token to fetch `page` with: `undefined` for page 1; `null` when not known yet (a page past
 * the ones walked so far).
 */
export function cursorFor(trail: CursorTrail, page: number): string | undefined | null {
  if (page <= 1) return undefined;
  return trail.next[page - 2] ?? null;
}

/** The highest page whose token is known. */
export function reachable(trail: CursorTrail): number {
  return trail.next.length + 1;
}

/**
 * The trail after page `page` answered with `nextCursor`; the same object when nothing changed.
 * A changed token (the list moved under a refetch) drops every token after it: they were
 * reported by pages of the old order.
 */
export function recordPage(
  trail: CursorTrail,
  page: number,
  nextCursor: string | undefined,
): CursorTrail {
  // Only the pages walked so far are recorded: page n needs the token page n-1 reported.
  if (page > reachable(trail)) return trail;
  if (nextCursor === undefined) {
    if (trail.last === page && trail.next.length === page - 1) return trail;
    return { ...trail, next: trail.next.slice(0, page - 1), last: page };
  }
  if (trail.next[page - 1] === nextCursor) return trail;
  return { ...trail, next: [...trail.next.slice(0, page - 1), nextCursor], last: undefined };
}
