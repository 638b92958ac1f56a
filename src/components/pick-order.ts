/**
 * One list from two sources: the uploader's uploads (what the engine took, in the order it took
 * them) and the files the drop area refused before the engine saw them. Both are in pick order
 * on their own; `orderOf` gives each picked file its place, so refusals land between the uploads
 * of the same pick where the user put them. Uploads the drop area never numbered (added another
 * way) keep their place after the ones before them.
 */
import type { Upload } from '../core/upload/types.js';

export function inPickOrder(
  uploads: readonly Upload[],
  refused: readonly Upload[],
  orderOf: (file: File) => number | undefined,
): readonly Upload[] {
  if (refused.length === 0) return uploads;
  const merged: Upload[] = [];
  let next = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const upload of uploads) {
    const place = orderOf(upload.file) ?? last;
    for (let r = refused[next]; r && (orderOf(r.file) ?? last) < place; r = refused[next]) {
      merged.push(r);
      next += 1;
    }
    merged.push(upload);
    last = place;
  }
  merged.push(...refused.slice(next));
  return merged;
}
