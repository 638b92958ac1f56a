/**
 * What a cancel asks of the server. Best effort, every one: the session may already be settled
 * (409) or the network gone; the local record says cancelled either way, and nothing may surface
 * as an unhandled rejection.
 */
import type { FilesBackend, RemoteFile } from '../backend.js';

/** Closes a session on the server, where the service has cancel. */
export function cancelOnServer(backend: FilesBackend, id: string): void {
  if (!backend.capabilities.cancel || !backend.cancel) return;
  backend.cancel(id).catch(() => undefined);
}

/** Deletes a file a cancelled direct upload stored anyway, where the service has delete. */
export function discardOnServer(backend: FilesBackend, id: string): void {
  if (!backend.capabilities.delete || !backend.delete) return;
  backend.delete(id).catch(() => undefined);
}

/**
 * A cancel during `completing` may arrive after the server completed the file: the cancel is then
 * refused (409), and the file exists. `completed` gets it, so the record shows the truth.
 */
export function reconcileCancel(
  backend: FilesBackend,
  id: string,
  completed: (file: RemoteFile) => void,
): void {
  if (!backend.capabilities.cancel || !backend.cancel) return;
  backend
    .cancel(id)
    .then(
      () => undefined,
      () => backend.retrieve(id),
    )
    .then((current) => {
      if (current?.status === 'COMPLETED') completed(current);
    })
    .catch(() => undefined);
}
