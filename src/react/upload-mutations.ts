/**
 * Uploads as React Query mutations: each start of an upload is registered in the app's
 * QueryClient under `filesQueryKeys.scoped(scope).upload(purpose)`, so `useIsMutating`, the Devtools and the
 * app's global `MutationCache` callbacks see uploads like any other write. Byte progress stays
 * in the engine's store; a mutation only says pending → success/error.
 *
 * How each start settles:
 * - `completed` → success, with the settled `Upload` as data (`data.serverFile` is the file);
 * - `cancelled` → success too, with `data.phase === 'cancelled'`: the user asked for it, so the
 *   app's global `onError` toasts must not fire. Check `data.phase` in `onSuccess`;
 * - `failed` → error: a `FiledockError` with the upload's `code` and `message`.
 * Rejected files never start, so they never become mutations.
 *
 * Completion also writes the file into the cache and invalidates every list page of the client.
 *
 * Only an upload that starts needs any of this, so `useFileUpload` loads it with the runner
 * (`loadWithRunner`), and no upload starts before it is there.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RemoteFile } from '../core/backend.js';
import { FiledockError, type TransportErrorCode } from '../core/errors.js';
import type { Upload } from '../core/upload/types.js';
import type { ScopedFilesQueryKeys } from './keys.js';
import type { UploadMutationMeta } from './upload-meta.js';

interface Deferred {
  resolve(upload: Upload): void;
  reject(error: FiledockError): void;
  promise: Promise<Upload>;
}

function deferred(): Deferred {
  let resolve!: Deferred['resolve'];
  let reject!: Deferred['reject'];
  const promise = new Promise<Upload>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // The mutation may settle before React Query calls mutationFn; never leave a rejection unheard.
  promise.catch(() => undefined);
  return { resolve, reject, promise };
}

export interface UploadMutationBridge {
  onStart(upload: Upload): void;
  onSettled(upload: Upload): void;
  onUploaded(file: RemoteFile, upload: Upload): void;
}

/**
 * Where the bridge writes: the provider's QueryClient, the keys of its client, and where the
 * picked file's size is kept for lists that have none (local-sizes.ts). Handed in by the hook
 * rather than imported: this module loads with the upload runner (see `loadWithRunner`), and
 * modules it imported would leave the hook's chunk for one shared with it.
 */
export interface BridgeTarget {
  queryClient: QueryClient;
  keys: ScopedFilesQueryKeys;
  rememberSize(file: RemoteFile, size: number): void;
}

/** `target` is read at each event, so a provider swapping its QueryClient or client is followed. */
export function createUploadMutationBridge(target: () => BridgeTarget): UploadMutationBridge {
  const open = new Map<string, Deferred>();

  return {
    onStart(upload) {
      const { queryClient, keys } = target();
      // A start without a settle before it would leave a mutation pending forever.
      open.get(upload.localId)?.resolve(upload);
      const settle = deferred();
      open.set(upload.localId, settle);
      const meta: UploadMutationMeta = { filedock: 'upload', localId: upload.localId };
      const mutation = queryClient.getMutationCache().build(queryClient, {
        mutationKey: keys.upload(upload.purpose),
        mutationFn: () => settle.promise,
        // The engine pauses on offline itself; a paused mutation would never call mutationFn.
        networkMode: 'always',
        meta,
      });
      mutation.execute(upload).catch(() => undefined);
    },

    onSettled(upload) {
      const settle = open.get(upload.localId);
      if (!settle) return;
      open.delete(upload.localId);
      if (upload.phase === 'failed') {
        const info = upload.error ?? { code: 'network', message: 'Upload failed' };
        settle.reject(
          new FiledockError({
            code: info.code as TransportErrorCode,
            message: info.message,
            cause: upload,
          }),
        );
      } else {
        settle.resolve(upload);
      }
    },

    onUploaded(file, upload) {
      const { queryClient, keys, rememberSize } = target();
      rememberSize(file, upload.file.size);
      queryClient.setQueryData(keys.detail(file.id), file);
      void queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  };
}
