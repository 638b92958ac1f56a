/**
 * Sizes of files uploaded from this page, by client and id. Some services list files without a
 * size (LlamaCloud); a file the user just picked still has one, so a list can show it.
 * Held per QueryClient (the app's cache lifetime), never sent anywhere.
 */
import type { QueryClient } from '@tanstack/react-query';

const sizes = new WeakMap<QueryClient, Map<string, number>>();

export function rememberLocalSize(
  queryClient: QueryClient,
  scope: string,
  id: string,
  size: number,
): void {
  let known = sizes.get(queryClient);
  if (!known) {
    known = new Map();
    sizes.set(queryClient, known);
  }
  known.set(`${scope}\u0000${id}`, size);
}

/** The picked file's size, when this page uploaded the file. */
export function localSizeOf(
  queryClient: QueryClient,
  scope: string,
  id: string,
): number | undefined {
  return sizes.get(queryClient)?.get(`${scope}\u0000${id}`);
}
