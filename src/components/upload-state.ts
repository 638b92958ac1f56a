/**
 * Which actions and details an upload offers in each phase: one table, so the item, custom
 * `renderItem` slots and the live region agree.
 */
import type { Upload, UploadPhase } from '../core/upload/types.js';

const ACTIVE: ReadonlySet<UploadPhase> = new Set([
  'queued',
  'hashing',
  'creating',
  'uploading',
  'completing',
]);

/** Phases in which the upload is still working (and can be cancelled). */
export function isActive(phase: UploadPhase): boolean {
  return ACTIVE.has(phase);
}

/** Failed uploads can be tried again (the engine forgets a cancelled upload's work). */
export function canRetry(phase: UploadPhase): boolean {
  return phase === 'failed';
}

/** Settled uploads can be dismissed from the list. */
export function canRemove(phase: UploadPhase): boolean {
  return !isActive(phase);
}

/** The name the user picked: what buttons and announcements speak of. */
export function pickedName(upload: Upload): string {
  return upload.file.name;
}

/** The server's stored name, when it differs (knowledge purposes stamp it). */
export function storedName(upload: Upload): string | undefined {
  const stored = upload.serverFile?.filename;
  return stored !== undefined && stored !== upload.file.name ? stored : undefined;
}
