/**
 * `createUploadEngine`: the store React binds to, validation at `add`, and the record changes a
 * caller sees at once (a cancel, a removal). Running the uploads is the runner's (runner.ts), a
 * chunk loaded while the page renders (lazy-runner.ts); one upload's steps live in pipeline.ts;
 * a record changes only through reducer.ts.
 *
 * Validation is two-staged: name, size and the claimed type (`file.type` or extension) are
 * checked synchronously in `add`, so those rejections show at once; files that pass stay
 * `queued` while the runner sniffs their first bytes (see `resolveMimeType`) and are rejected
 * then if the bytes prove a refused type. Rejected files make no network call.
 */
import type { FileError } from '../errors.js';
import { claimedMimeType } from '../rules/mime.js';
import { defaultPurposeRules, ruleFor } from '../rules/purposes.js';
import { fileErrors, tooManyError } from '../rules/validate.js';
import { lazyRunner } from './lazy-runner.js';
import { localize } from './messages.js';
import { createUpload, isActive, SETTLED_PHASES } from './reducer.js';
import { safely } from './report.js';
import type { Accepted, RunnerHost } from './runner-types.js';
import { prefetchSteps } from './steps.js';
import { createUploadStore } from './store.js';
import type { Upload, UploadEngine, UploadEngineOptions } from './types.js';

let counter = 0;
function newLocalId(): string {
  const uuid = (globalThis.crypto as Crypto | undefined)?.randomUUID;
  if (typeof uuid === 'function') return uuid.call(globalThis.crypto);
  counter += 1;
  return `upload-${Date.now().toString(36)}-${counter}`;
}

const ruleOf = (options: UploadEngineOptions) =>
  ruleFor(options.purpose, options.rules ?? defaultPurposeRules);

export function createUploadEngine(initial: UploadEngineOptions): UploadEngine {
  const { backend } = initial;
  prefetchSteps(async () => initial.loadWithRunner?.());
  // Replaced whole by setOptions. Read where used, so callbacks and concurrency are always the
  // latest; what an upload depends on for its whole life is handed over with it at `add`.
  let options: UploadEngineOptions = initial;
  let rule = ruleOf(options);
  const store = createUploadStore();
  let destroyed = false;

  const find = (localId: string): Upload | undefined =>
    store.getState().uploads.find((upload) => upload.localId === localId);

  const host: RunnerHost = {
    backend,
    store,
    initial,
    options: () => options,
    reject(file, localId, errors) {
      const [first, ...rest] = errors.map((error) => localize(error, file, options.messages));
      const localized: [FileError, ...FileError[]] = [first as FileError, ...rest];
      store.dispatch({
        type: 'rejected',
        localId,
        rejection: { file, errors: localized },
        error: localized[0],
      });
    },
  };

  const runner = lazyRunner(host, (localId, error) => {
    const upload = find(localId);
    if (upload?.phase !== 'queued') return;
    const localized = localize(error, upload.file, options.messages);
    store.dispatch({ type: 'failed', localId, error: localized });
    const failed = find(localId);
    if (failed) safely(options.onError, localized, failed);
  });
  // Resume restores the uploads of the previous page as soon as the engine is made.
  if (initial.resume) runner.load();

  const cancel = (localId: string): void => {
    const upload = find(localId);
    if (!upload) return;
    if (!(isActive(upload) || upload.phase === 'failed' || upload.phase === 'interrupted')) return;
    store.dispatch({ type: 'cancelled', localId });
    if (!runner.forget(localId)) runner.current?.cancelled(upload);
  };

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    add(files) {
      const { purpose } = options;
      const list = Array.from(files);
      const uploads = list.map((file) => createUpload(newLocalId(), file, purpose, Date.now()));
      store.dispatch({ type: 'added', uploads });
      const maxFiles = options.maxFiles ?? rule.maxFiles;
      const accepted: Accepted[] = [];
      for (const { localId, file } of uploads) {
        // An unknown claimed type is left to sniffing; a known refused one is refused now.
        let errors = fileErrors(file, rule, claimedMimeType(file));
        if (errors.length === 0 && maxFiles !== undefined && accepted.length >= maxFiles)
          errors = [tooManyError(file, maxFiles)];
        const [first, ...rest] = errors;
        if (first) host.reject(file, localId, [first, ...rest]);
        else accepted.push({ localId, file, options, rule });
      }
      if (accepted.length > 0) runner.take(accepted);
      return uploads.map((upload) => upload.localId);
    },
    setOptions(next) {
      options = { ...next, backend };
      rule = ruleOf(options);
      runner.current?.optionsChanged();
    },
    cancel,
    retry(localId) {
      if (find(localId)?.phase !== 'failed') return;
      if (runner.current) runner.current.retry(localId);
      else if (runner.holds(localId)) {
        // It failed because the runner did not load: load it again.
        store.dispatch({ type: 'requeued', localId });
        runner.load();
      }
    },
    supply(localId, file) {
      runner.current?.supply(localId, file);
    },
    resume(localId) {
      runner.current?.resume(localId);
    },
    remove(localId) {
      cancel(localId);
      runner.forget(localId);
      store.dispatch({ type: 'removed', localIds: [localId] });
    },
    clear() {
      const settled = store
        .getState()
        .uploads.filter((upload) => SETTLED_PHASES.has(upload.phase))
        .map((upload) => upload.localId);
      for (const localId of settled) runner.forget(localId);
      runner.current?.cleared(settled);
      store.dispatch({ type: 'removed', localIds: settled });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      store.destroy();
      // Uploads already added go on (held ones too, once the runner is there).
      runner.destroy();
    },
  };
}
