/**
 * Asks the service what became of an entry's upload, as a `RemoteState` for `decideResume`.
 * A session is retrieved by id; a direct upload has no id until its one request answers, so the
 * newest files are searched for it instead (`findDirectUpload`).
 */
import type { FilesBackend } from '../../backend.js';
import { isFiledockError } from '../../errors.js';
import type { JournalEntry } from './entry.js';
import { findDirectUpload, type RemoteState } from './reconcile.js';

const isGone = (error: unknown): boolean =>
  isFiledockError(error) && (error.code === 'not_found' || error.status === 404);

export async function askServer(
  backend: FilesBackend,
  entry: JournalEntry,
  signal?: AbortSignal,
): Promise<RemoteState> {
  const options = signal ? { signal } : {};
  try {
    if (entry.session)
      return { kind: 'found', file: await backend.retrieve(entry.session.id, options) };
    if (entry.step !== 'direct') return { kind: 'gone' }; // never created: nothing to ask about
    const page = await backend.list(
      { limit: Math.min(backend.capabilities.maxPageSize, 100) },
      options,
    );
    const file = findDirectUpload(entry, page.data);
    return file ? { kind: 'found', file } : { kind: 'gone' };
  } catch (error) {
    return isGone(error) ? { kind: 'gone' } : { kind: 'unknown' };
  }
}
