/**
 * Errors are data: a stable `code` apps can switch on and localize, plus an English `message`.
 *
 * Two families share one shape `{code, message}`:
 * - validation (`FileError`): the file never left the browser;
 * - transport and server (`FiledockError`): keeps the HTTP status, the server's `type`/`code`/
 *   `param`, and whether trying again could help.
 */

/** Codes for a file refused before any network call. */
export type ValidationErrorCode =
  | 'file-invalid-type'
  | 'file-too-large'
  | 'file-too-small'
  | 'filename-invalid'
  | 'too-many-files';

/**
 * Codes for transport and server failures. HTTP errors carry the server's `type` as their code
 * (`bad_request`, `forbidden`, `conflict`, …); a status the API does not document becomes
 * `http-<status>` (e.g. `http-418`).
 */
export type TransportErrorCode =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'storage-rejected'
  | 'upload-expired'
  | 'checksum-mismatch'
  | 'invalid-response'
  | 'aborted'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'unprocessable_content'
  | 'internal_server_error'
  | 'service_unavailable'
  | 'gateway_timeout'
  | `http-${number}`;

/**
 * Codes of resume after a reload: `file-mismatch`, the file chosen again is not the one whose
 * upload was interrupted (nothing is sent).
 */
export type ResumeErrorCode = 'file-mismatch';

export type ErrorCode = ValidationErrorCode | TransportErrorCode | ResumeErrorCode;

/** The serialisable form every error in filedock reduces to. */
export interface ErrorInfo<TCode extends string = ErrorCode> {
  code: TCode;
  message: string;
}

/** What was wrong with a name refused with `filename-invalid`. */
export type FilenameProblem =
  | 'empty'
  | 'too-long'
  | 'control-characters'
  | 'path-separator'
  | 'reserved';

/**
 * The values a validation error's text is made of, so a translation can state them in its own
 * words and number formats instead of parsing the English `message`. Sizes are in bytes, counts
 * are plain numbers: format them in the reader's locale. Which fields are set depends on the code;
 * an error an app builds itself may have none.
 */
export interface FileErrorParams {
  /** The refused file's name. Every code. */
  fileName?: string;
  /** The file's size in bytes. `file-too-large`, `file-too-small`. */
  size?: number;
  /** The largest size the rule accepts, in bytes. `file-too-large`. */
  maxSize?: number;
  /** The smallest size the rule accepts, in bytes. `file-too-small`. */
  minSize?: number;
  /**
   * The accepted types as human labels, without repeats, in the rule's order (`'PDF'`, `'Word'`,
   * `'plain text'`; see `typeLabels`). `file-invalid-type`.
   */
  types?: string[];
  /** How many files may be added at once. `too-many-files`. */
  maxFiles?: number;
  /** Which rule the name breaks. `filename-invalid`. */
  reason?: FilenameProblem;
  /** The longest name the rule accepts, in characters. `filename-invalid` with `reason: 'too-long'`. */
  maxLength?: number;
}

/**
 * One reason a file was refused: `{code, message}` (the English text) plus, for filedock's own
 * checks, the `params` that text states.
 */
export interface FileError extends ErrorInfo<ValidationErrorCode> {
  /** The limit broken and the file's own value (absent on errors from an app's own validator). */
  params?: FileErrorParams;
}

/** One rejected file, every reason it was refused (the shape react-dropzone uses too). */
export interface FileRejection {
  file: File;
  errors: FileError[];
}

export interface FiledockErrorInit {
  code: TransportErrorCode;
  message: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The server's error `type` (e.g. `bad_request`). */
  type?: string;
  /** The server's machine-readable `code` (e.g. `unknown_field`), distinct from our `code`. */
  serverCode?: string;
  /** The request field the server blamed. */
  param?: string;
  /** Whether the same request may succeed if sent again. @default false */
  retryable?: boolean;
  /** How long the server asked us to wait (Retry-After / Retry-After-Ms), in ms. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FiledockError extends Error implements ErrorInfo<TransportErrorCode> {
  override readonly name = 'FiledockError';
  readonly code: TransportErrorCode;
  readonly status: number | undefined;
  readonly type: string | undefined;
  readonly serverCode: string | undefined;
  readonly param: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(init: FiledockErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.type = init.type;
    this.serverCode = init.serverCode;
    this.param = init.param;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }

  toJSON(): ErrorInfo<TransportErrorCode> & { status?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.status ? { status: this.status } : {}),
    };
  }
}

export function isFiledockError(value: unknown): value is FiledockError {
  return value instanceof FiledockError;
}

/** True for an abort we asked for: never reported as a failure. */
export function isAbortError(value: unknown): boolean {
  return isFiledockError(value) && value.code === 'aborted';
}

/**
 * Bad input from the calling code: refused before anything is sent (no status). Here rather than
 * with the client options that use it first, so the lazily loaded transports that check their
 * arguments share no module with the page's first load but this one.
 */
export function badArgument(message: string, param?: string): FiledockError {
  return new FiledockError({ code: 'bad_request', message, param, retryable: false });
}

/** Reduce anything thrown to `{code, message}` without losing a FiledockError's code. */
export function toErrorInfo(value: unknown): ErrorInfo {
  if (isFiledockError(value)) return { code: value.code, message: value.message };
  if (value && typeof value === 'object' && 'code' in value && 'message' in value) {
    const { code, message } = value as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string')
      return { code: code as ErrorCode, message };
  }
  return { code: 'network', message: value instanceof Error ? value.message : String(value) };
}
