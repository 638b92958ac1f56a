/** A file id as one path segment; an empty or non-string id is refused before anything is sent. */
import { badArgument } from '../errors.js';

export function encodeId(id: string): string {
  if (typeof id !== 'string' || id === '')
    throw badArgument('A file id must be a non-empty string.', 'id');
  return encodeURIComponent(id);
}
