/**
 * What tells filedock's upload mutations apart in an app's global MutationCache callbacks. Apart
 * from the bridge that registers them (upload-mutations.ts), which loads with the upload runner.
 */

/** `meta` of every upload mutation, to tell them apart in global callbacks. */
export interface UploadMutationMeta extends Record<string, unknown> {
  filedock: 'upload';
  localId: string;
}

/** True for mutations filedock registered for an upload. */
export function isUploadMutationMeta(meta: unknown): meta is UploadMutationMeta {
  return (
    typeof meta === 'object' &&
    meta !== null &&
    (meta as { filedock?: unknown }).filedock === 'upload'
  );
}
