'use client';
import { useInsertionEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FileObject, Purpose } from '../core/api/schemas.js';
import type { ErrorInfo } from '../core/errors.js';
import { createUploadEngine } from '../core/upload/engine.js';
import type {
  ErrorMessages,
  RetryOptions,
  Upload,
  UploadEngineOptions,
  UploadProgress,
} from '../core/upload/types.js';
import { useFilesContext } from './context.js';
import { createEngineHolder } from './engine-holder.js';
import { createUploadMutationBridge } from './upload-mutations.js';

export interface UseFileUploadOptions {
  /** Sent with each create; picks the rule files are validated against. @default undefined */
  purpose?: Purpose;
  /** Uploads in flight at once. @default 4 */
  concurrency?: number;
  /** Compute an MD5 alongside the PUT and have the server verify it. @default true */
  checksum?: boolean;
  /** Refuse files past this many per `add` (code `too-many-files`). @default undefined (no limit) */
  maxFiles?: number;
  /** A file reached COMPLETED. Always the latest function passed. @default undefined */
  onUploaded?: (file: FileObject, upload: Upload) => void;
  /** An upload failed for good (message already replaced by `messages`); rejected files only show in `uploads`. @default undefined */
  onError?: (error: ErrorInfo, upload: Upload) => void;
  /**
   * Replacement messages per error code, e.g. to localise.
   * @default undefined (English)
   * @example { 'file-too-large': 'Fichier trop volumineux', network: ({ file }) => `${file.name} : réseau` }
   */
  messages?: ErrorMessages;
  /** Automatic retries of transient failures, per step. @default { attempts: 3, baseDelayMs: 1000 } */
  retry?: RetryOptions;
}

export interface UseFileUploadResult {
  /** Every upload this hook added, oldest first, rejected ones included. */
  uploads: readonly Upload[];
  /** Validates and queues files; returns their localIds. */
  add(files: readonly File[] | FileList): string[];
  /** Aborts an upload (and cancels its server session); idempotent. */
  cancel(localId: string): void;
  /** Runs a failed upload again (with a new session: a failed upload's session was cancelled when it gave up). */
  retry(localId: string): void;
  /** Forgets an upload, cancelling it first if it is still running. */
  remove(localId: string): void;
  /** Forgets every settled upload (completed, failed, cancelled, rejected); running ones go on. */
  clear(): void;
  isUploading: boolean;
  /** Totals over uploads that are not rejected or cancelled. */
  progress: UploadProgress;
}

/**
 * Uploads files through the provider's backend, with progress, cancel and retry.
 *
 * **Uploads outlive the component.** Unmounting stops listening but does not cancel uploads in
 * flight: they finish, settle their React Query mutations and update the cache. Call
 * `cancel(localId)` (or `remove(localId)`) to stop one; `clear()` only forgets settled uploads.
 *
 * Options other than the callbacks are read once, when the hook mounts; to change them,
 * remount with a `key`. `onUploaded` and `onError` are always the latest functions passed.
 *
 * @example
 * const { uploads, add } = useFileUpload({ purpose: 'knowledge_workspace' });
 * <input type="file" multiple onChange={(e) => e.target.files && add(e.target.files)} />
 */
export function useFileUpload(options: UseFileUploadOptions = {}): UseFileUploadResult {
  const context = useFilesContext('useFileUpload');
  const latest = useRef({ options, context });
  useInsertionEffect(() => {
    latest.current = { options, context };
  });

  const [holder] = useState(() =>
    createEngineHolder(() => {
      const { options: opts, context: ctx } = latest.current;
      const bridge = createUploadMutationBridge(() => latest.current.context.queryClient);
      const engineOptions: UploadEngineOptions = {
        backend: ctx.backend,
        rules: ctx.rules,
        onStart: bridge.onStart,
        onSettled: bridge.onSettled,
        onUploaded: (file, upload) => {
          bridge.onUploaded(file);
          latest.current.options.onUploaded?.(file, upload);
        },
        onError: (error, upload) => latest.current.options.onError?.(error, upload),
      };
      // Only defined values: the engine's own defaults apply to the rest.
      if (opts.purpose !== undefined) engineOptions.purpose = opts.purpose;
      if (opts.concurrency !== undefined) engineOptions.concurrency = opts.concurrency;
      if (opts.checksum !== undefined) engineOptions.checksum = opts.checksum;
      if (opts.maxFiles !== undefined) engineOptions.maxFiles = opts.maxFiles;
      if (opts.messages !== undefined) engineOptions.messages = opts.messages;
      if (opts.retry !== undefined) engineOptions.retry = opts.retry;
      return createUploadEngine(engineOptions);
    }),
  );

  const snapshot = useSyncExternalStore(holder.subscribe, holder.getSnapshot, holder.getSnapshot);
  const actions = useMemo(
    () => ({
      add: (files: readonly File[] | FileList) => holder.engine().add(files),
      cancel: (localId: string) => holder.engine().cancel(localId),
      retry: (localId: string) => holder.engine().retry(localId),
      remove: (localId: string) => holder.engine().remove(localId),
      clear: () => holder.engine().clear(),
    }),
    [holder],
  );

  return {
    uploads: snapshot.uploads,
    ...actions,
    isUploading: snapshot.isUploading,
    progress: snapshot.progress,
  };
}
