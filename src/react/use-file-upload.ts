'use client';
import {
  useEffect,
  useInsertionEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { ErrorInfo } from '../core/errors.js';
import { lazily } from '../core/lazy.js';
import { createUploadEngine } from '../core/upload/engine.js';
import { guardUnloadLazily } from '../core/upload/lazy-unload-guard.js';
import type {
  ErrorMessages,
  ResumeOptions,
  RetryOptions,
  Upload,
  UploadEngineOptions,
  UploadProgress,
} from '../core/upload/types.js';
import type { PurposeRules } from '../core/rules/purposes.js';
import { mergeRules } from './provider-rules.js';
import { type FilesContextValue, useFilesContext } from './context.js';
import { createEngineHolder } from './engine-holder.js';
import { rememberLocalSize } from './local-sizes.js';
import { keysOf } from './query-options.js';
import type { UploadMutationBridge } from './upload-mutations.js';

/** The React Query bridge, loaded with the upload runner (see `loadWithRunner`). */
const loadBridge = lazily(() => import('./upload-mutations.js'));

export interface UseFileUploadOptions {
  /**
   * The service's own purpose name (Lightfield: `knowledge_user`, …; LlamaCloud: `user_data`, …;
   * xAI needs none). Sent with each upload; picks the rule files are validated against.
   * @default undefined
   */
  purpose?: string;
  /**
   * Files sending their bytes at once (PUTs, or one-request uploads). Beside each, the next
   * file's session may be made and the last file's complete answered. @default 4
   */
  concurrency?: number;
  /** Compute an MD5 alongside the PUT and have the server verify it. @default true */
  checksum?: boolean;
  /** Refuse files past this many per `add` (code `too-many-files`). @default undefined (no limit) */
  maxFiles?: number;
  /** A file reached COMPLETED. Always the latest function passed. @default undefined */
  onUploaded?: (file: RemoteFile, upload: Upload) => void;
  /** An upload failed for good (message already replaced by `messages`); rejected files only show in `uploads`. @default undefined */
  onError?: (error: ErrorInfo, upload: Upload) => void;
  /**
   * Writes translated texts into `upload.error.message` (and what `onError` gets). An alias: the
   * one table of error texts is `labels.errors` on `<FilesProvider labels>`, which the components
   * show and hook-only UIs read with `useErrorText()`; this takes the same object, for apps that
   * want the message itself translated. Not both: a text would then be translated twice.
   * @default undefined (English)
   * @example { 'file-too-large': 'Fichier trop volumineux', network: ({ file }) => `${file.name} : réseau` }
   */
  messages?: ErrorMessages;
  /** Automatic retries of transient failures, per step. @default { attempts: 3, baseDelayMs: 1000 } */
  retry?: RetryOptions;
  /**
   * Rules for some purposes, over the provider's (which are over `defaultPurposeRules`).
   * @default undefined (the provider's rules)
   */
  rules?: Partial<PurposeRules>;
  /**
   * Uploads survive a reload or a closed tab: small files (up to `storeBytesUpTo`) continue by
   * themselves, larger ones come back `interrupted` and ask to be chosen again (see `supply`).
   * Read when the hook first mounts.
   * @default false
   * @example useFileUpload({ resume: { storeBytesUpTo: 5 * 1024 * 1024, scope: user.id } })
   */
  resume?: boolean | ResumeOptions;
  /**
   * Without `resume`, ask before the page unloads while bytes are on their way (`beforeunload`).
   * @default true
   */
  confirmUnload?: boolean;
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
  /**
   * An `interrupted` upload's file, chosen again: checked to be the same file before a byte is
   * sent (else the upload's error is `file-mismatch` and nothing is sent).
   */
  supply(localId: string, file: File): void;
  /** An `interrupted` upload's Resume: call it inside the click (reading a kept file needs a user gesture). */
  resume(localId: string): void;
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
 * **Options follow the props.** A new `purpose`, `checksum`, `maxFiles`, `rules`, `retry` or
 * `messages` applies to files added from then on; uploads already added keep the options they
 * were added with. A new `concurrency` applies at once (a lower one as running uploads finish).
 * `onUploaded` and `onError` are always the latest functions passed.
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

  const [holder] = useState(() => {
    // Set before the runner is made: the engine starts no upload before `loadWithRunner` resolved.
    let bridge: UploadMutationBridge | undefined;
    const callbacks: Pick<
      UploadEngineOptions,
      'onStart' | 'onSettled' | 'onUploaded' | 'onError' | 'loadWithRunner'
    > = {
      loadWithRunner: () =>
        loadBridge().then(({ createUploadMutationBridge }) => {
          bridge ??= createUploadMutationBridge(() => {
            const { queryClient, backend } = latest.current.context;
            return {
              queryClient,
              keys: keysOf(backend),
              rememberSize: (file, size) =>
                rememberLocalSize(queryClient, backend.scope, file.id, size),
            };
          });
        }),
      onStart: (upload) => bridge?.onStart(upload),
      onSettled: (upload) => bridge?.onSettled(upload),
      onUploaded: (file, upload) => {
        bridge?.onUploaded(file, upload);
        latest.current.options.onUploaded?.(file, upload);
      },
      onError: (error, upload) => latest.current.options.onError?.(error, upload),
    };
    const current = (): UploadEngineOptions => ({
      ...engineOptions(latest.current.options, latest.current.context),
      ...callbacks,
    });
    const made = createEngineHolder(() => createUploadEngine(current()));
    return { ...made, current };
  });

  // New options reach the engine after each commit (as TanStack Query's observers take theirs),
  // and `add` hands over the latest committed ones first, so a file picked right after a purpose
  // change is checked against the new purpose.
  useEffect(() => {
    holder.engine().setOptions(holder.current());
  });

  const snapshot = useSyncExternalStore(holder.subscribe, holder.getSnapshot, holder.getSnapshot);
  const actions = useMemo(
    () => ({
      add: (files: readonly File[] | FileList) => {
        const engine = holder.engine();
        engine.setOptions(holder.current());
        return engine.add(files);
      },
      cancel: (localId: string) => holder.engine().cancel(localId),
      retry: (localId: string) => holder.engine().retry(localId),
      remove: (localId: string) => holder.engine().remove(localId),
      clear: () => holder.engine().clear(),
      supply: (localId: string, file: File) => holder.engine().supply(localId, file),
      resume: (localId: string) => holder.engine().resume(localId),
    }),
    [holder],
  );

  // Without resume, leaving mid-upload loses the upload: the browser asks first.
  const guarded = !options.resume && options.confirmUnload !== false;
  useEffect(() => (guarded ? guardUnloadLazily(holder.getSnapshot) : undefined), [guarded, holder]);

  return {
    uploads: snapshot.uploads,
    ...actions,
    isUploading: snapshot.isUploading,
    progress: snapshot.progress,
  };
}

/** The hook's options as engine options: only defined values, so the engine's defaults apply. */
function engineOptions(
  options: UseFileUploadOptions,
  context: FilesContextValue,
): UploadEngineOptions {
  const engine: UploadEngineOptions = {
    backend: context.backend,
    rules: options.rules ? mergeRules(context.rules, options.rules) : context.rules,
  };
  if (options.purpose !== undefined) engine.purpose = options.purpose;
  if (options.concurrency !== undefined) engine.concurrency = options.concurrency;
  if (options.checksum !== undefined) engine.checksum = options.checksum;
  if (options.maxFiles !== undefined) engine.maxFiles = options.maxFiles;
  if (options.messages !== undefined) engine.messages = options.messages;
  if (options.retry !== undefined) engine.retry = options.retry;
  if (options.resume) engine.resume = options.resume;
  return engine;
}
