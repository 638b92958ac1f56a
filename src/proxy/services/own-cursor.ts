/**
 * The cursor of a non-admin's list on cursor-paged services. The proxy pages the caller's own
 * files out of the ownership store, so its cursor is an offset into that list; it names nothing
 * of anyone else's, so it needs no secret.
 */
import { type Refusal, refuse } from '../errors.js';

const PREFIX = 'fdp-';

export const ownCursor = (offset: number): string => `${PREFIX}${offset}`;

/** The offset in a cursor; absent → 0; anything but the proxy's own shape → 400. */
export function offsetOf(cursor: string | null, param: string): number | Refusal {
  if (cursor === null || cursor === '') return 0;
  const match = /^fdp-(\d{1,9})$/.exec(cursor);
  if (!match) return refuse(400, 'invalid_parameter', `${param} is not a valid cursor.`, { param });
  return Number(match[1]);
}
