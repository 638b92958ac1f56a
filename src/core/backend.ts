/**
 * The seam between the upload engine / hooks and a concrete Files API.
 *
 * Lightfield uploads in three steps (create a session → PUT to a presigned URL → complete);
 * LlamaCloud and xAI upload in one multipart request, page by cursor and delete. A backend says
 * which transfer it has and what it can do (`capabilities`); the engine, hooks and components ask
 * those, never the service's name. An optional method is present exactly when its capability says
 * so, so nothing has to stub a method that throws.
 */

export type RemoteFileStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';

/** A stored file, service-neutral: what hooks and components show. */
export interface RemoteFile {
  id: string;
  /** The stored name (a service may stamp it, e.g. Lightfield's knowledge purposes). */
  filename: string;
  /** Services without a status report `COMPLETED`. */
  status: RemoteFileStatus;
  /** Absent where the service does not say (LlamaCloud). */
  sizeBytes?: number;
  mimeType?: string;
  /** ISO-8601; absent where the service does not say (LlamaCloud). */
  createdAt?: string;
  completedAt?: string | null;
  expiresAt?: string | null;
}

export interface UploadParams {
  filename: string;
  mimeType: string;
  sizeBytes: number;
  /** The service's own purpose name; each client checks it against what its service takes. */
  purpose?: string;
}

export interface RequestOptions {
  /** Aborts the request (and any retry wait); the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
  /**
   * Retries of this call after the first attempt. The upload engine passes 0: it retries its
   * steps itself (counting them in `upload.attempts`), so no request is retried in two places.
   * @default the client's `maxRetries`
   */
  maxRetries?: number;
  /**
   * The idempotency key for a POST to a service that takes one (Lightfield). A caller that sends
   * the same logical request again (the engine retrying a step) passes the same key.
   * @default a new key per call, reused by the client's own retries
   */
  idempotencyKey?: string;
}

export interface TransferProgress {
  loaded: number;
  total: number;
}

export interface PutOptions extends RequestOptions {
  onProgress?: (progress: TransferProgress) => void;
}

export interface UploadSession extends RemoteFile {
  uploadUrl: string;
  /** Sent verbatim with the PUT, and nothing else. */
  uploadHeaders: Record<string, string>;
}

/** create → PUT the bytes to the presigned URL → complete (or cancel on the server). */
export interface SessionTransfer {
  readonly kind: 'session';
  create(params: UploadParams, options?: RequestOptions): Promise<UploadSession>;
  /**
   * PUT the bytes to `uploadUrl` with exactly `uploadHeaders`. Pass the session's `expiresAt`
   * when known: a 403 after it then reads as `upload-expired`, not `storage-rejected`.
   */
  put(
    session: Pick<UploadSession, 'uploadUrl' | 'uploadHeaders' | 'expiresAt'>,
    body: Blob,
    options?: PutOptions,
  ): Promise<void>;
  complete(id: string, params: { md5?: string }, options?: RequestOptions): Promise<RemoteFile>;
}

/**
 * One request carries the file. Aborting it before its last byte has left means the service never
 * got the whole file; aborted after that, the request is left to finish and the promise resolves
 * with what the service stored, so the caller can delete it (the engine does, when it may).
 */
export interface DirectTransfer {
  readonly kind: 'direct';
  upload(file: File, params: UploadParams, options?: PutOptions): Promise<RemoteFile>;
}

export interface BackendCapabilities {
  /** `md5`: complete verifies an MD5 (only then does the engine hash the file). */
  checksum: 'md5' | 'none';
  /** Server-side cancel of an unfinished session (`cancel` is present). */
  cancel: boolean;
  /** Stored files can be deleted (`delete` is present). */
  delete: boolean;
  /** `url`: a signed URL (`downloadUrl`); `bytes`: the content through the API (`download`). */
  download: 'url' | 'bytes';
  /** `offset` pages carry `totalCount`; `cursor` pages carry `nextCursor` until the last one. */
  paging: 'offset' | 'cursor';
  /** The largest `limit` one list call takes. */
  maxPageSize: number;
}

export interface ListPageParams {
  limit: number;
  /** Offset-paged backends: rows to skip. @default 0 */
  offset?: number;
  /** Cursor-paged backends: the page's token (from the previous page's `nextCursor`). */
  cursor?: string;
}

export interface FilePage {
  data: RemoteFile[];
  /** Offset-paged backends: every file there is. Absent where the service does not count. */
  totalCount?: number;
  /** Cursor-paged backends: the next page's token, absent on the last page. */
  nextCursor?: string;
}

export interface FilesBackend {
  /** Stable, secret-free scope for query keys: service + baseURL (+ project for LlamaCloud). */
  readonly scope: string;
  readonly capabilities: BackendCapabilities;
  readonly transfer: SessionTransfer | DirectTransfer;
  retrieve(id: string, options?: RequestOptions): Promise<RemoteFile>;
  list(params: ListPageParams, options?: RequestOptions): Promise<FilePage>;
  /** Present iff `capabilities.cancel`. */
  cancel?(id: string, options?: RequestOptions): Promise<RemoteFile>;
  /** Present iff `capabilities.delete`. */
  delete?(id: string, options?: RequestOptions): Promise<void>;
  /** Present iff `capabilities.download === 'url'`. */
  downloadUrl?(id: string, options?: RequestOptions): Promise<{ url: string; expiresAt?: string }>;
  /** Present iff `capabilities.download === 'bytes'`. */
  download?(id: string, options?: RequestOptions): Promise<Blob>;
}
