export * from './errors.js';
export * from './lightfield/schemas.js';
export * from './http/status-types.js';
export * from './rules/purposes.js';
export type * from './backend.js';
export type { HttpClientOptions, HeadersOption } from './http/options.js';
export * from './lightfield/client.js';
export { createLightfieldBackend } from './lightfield/backend.js';
export * from './llamacloud/client.js';
export * from './xai/client.js';
export { codeForStatus } from './http/map-error.js';
export { parseRetryAfter } from './http/retry-after.js';
export {
  backoffDelay,
  isRetryableStatus,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
} from './http/backoff.js';
export { putToStorage, type PutToStorageOptions } from './transfer/put.js';
export {
  validateFile,
  validateFiles,
  inspectFile,
  inspectFiles,
  checkFilename,
  type ValidateOptions,
  type AcceptedFile,
  type ValidationResult,
} from './rules/validate.js';
export { acceptFor, formatBytes, typeLabels } from './rules/describe.js';
export { resolveMimeType, decideMimeType } from './rules/resolve.js';
export {
  claimedMimeType,
  mimeTypeFromName,
  extensionOf,
  labelForMimeType,
  GENERIC_MIME_TYPES,
} from './rules/mime.js';
export { mimeTypeFromBytes, detectSignature, type Signature } from './rules/sniff.js';
// `export *`, not named: an app importing a name re-exported by name here made esbuild keep every
// module this barrel names by name, axios included, in its entry chunk (test/matrix, esbuild).
export * from './checksum/index.js';
export { createUploadEngine } from './upload/engine.js';
export { reduceUploads } from './upload/run-part.js';
export {
  createUpload,
  isActive,
  ACTIVE_PHASES,
  SETTLED_PHASES,
  type UploadAction,
  type UploadState,
} from './upload/reducer.js';
export { DEFAULT_RETRY } from './upload/retry.js';
export {
  clearAllResumeJournals,
  DEFAULT_ENTRY_TTL_MS,
  DEFAULT_STORE_BYTES_UP_TO,
} from './upload/resume/index.js';
export type * from './upload/types.js';
