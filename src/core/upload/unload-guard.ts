/**
 * Without resume, leaving the page mid-upload loses the upload: ask first. The browser shows its
 * own generic prompt (the text cannot be chosen) and only after the user interacted with the page.
 * Only while bytes are actually on their way (`uploading`, `completing`): a queued file or a
 * finished list is no reason to hold anybody back.
 */
import type { UploadSnapshot } from './types.js';

const BUSY: ReadonlySet<string> = new Set(['creating', 'uploading', 'hashing', 'completing']);

export function isTransferring(snapshot: UploadSnapshot): boolean {
  return snapshot.uploads.some((upload) => BUSY.has(upload.phase));
}

/** Adds the `beforeunload` listener; returns its removal. A no-op where there is no window. */
export function guardUnload(getSnapshot: () => UploadSnapshot): () => void {
  const target = (globalThis as { window?: Window }).window;
  if (!target || typeof target.addEventListener !== 'function') return () => undefined;
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!isTransferring(getSnapshot())) return;
    event.preventDefault();
    // Older browsers need returnValue set (the string itself is never shown); a plain Event
    // elsewhere has it read-only.
    try {
      event.returnValue = '';
    } catch {
      // preventDefault said it
    }
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
