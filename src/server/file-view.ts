/**
 * The wire view of a stored file. Expiry is evaluated at read time: a PENDING session past its
 * `expiresAt` reads as EXPIRED everywhere, with `expiresAt: null`, without needing a sweeper.
 */
import type { FileObject, FileStatus } from '../core/lightfield/schemas.js';
import type { StoredFile } from './store.js';

export function effectiveStatus(file: StoredFile, nowMs: number): FileStatus {
  if (file.status === 'PENDING' && nowMs >= Date.parse(file.sessionExpiresAt)) return 'EXPIRED';
  return file.status;
}

export function toFileObject(file: StoredFile, nowMs: number): FileObject {
  const status = effectiveStatus(file, nowMs);
  return {
    id: file.id,
    status,
    filename: file.filename,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    createdAt: file.createdAt,
    completedAt: file.completedAt,
    expiresAt: status === 'PENDING' ? file.sessionExpiresAt : null,
  };
}

/** `playbook.md` → `playbook_1713045600000.md`; a name without an extension gets the suffix at the end. */
export function stampFilename(name: string, epochMs: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name}_${epochMs}`;
  return `${name.slice(0, dot)}_${epochMs}${name.slice(dot)}`;
}
