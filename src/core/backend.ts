/**
 * The seam between the upload engine / hooks and a concrete Files API.
 *
 * Lightfield uploads in three steps (create a session → PUT to a presigned URL → complete);
 * LlamaCloud and xAI upload in one multipart request and page by cursor. So a backend either
 * implements the session steps, or `upload` alone, and pages by offset or by cursor. What a
 * service does not return stays optional in `FileObject` consumers.
 */
import type {
  FileCompleteParams,
  FileCreateParams,
  FileCreateResponse,
  FileObject,
  FileUrlResponse,
} from './api/schemas.js';

export interface RequestOptions {
  /** Aborts the request (and any retry wait); the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
}

export interface TransferProgress {
  loaded: number;
  total: number;
}

export interface PutOptions extends RequestOptions {
  onProgress?: (progress: TransferProgress) => void;
}

export interface ListPageParams {
  offset?: number;
  limit?: number;
  /** For cursor-paged backends: the token of the page to fetch. */
  cursor?: string;
}

export interface FilePage {
  data: FileObject[];
  /** Absent where the service does not count (cursor APIs). */
  totalCount?: number;
  /** Cursor-paged backends: the next page's token, absent on the last page. */
  nextCursor?: string;
}

export interface BackendCapabilities {
  /** `offset` (Lightfield) or `cursor` (LlamaCloud, xAI). */
  paging: 'offset' | 'cursor';
  /** Whether `complete` verifies an MD5 (only then does the engine compute one). */
  md5: boolean;
  /** Whether `cancel` tells the server (session backends). */
  cancel: boolean;
}

export interface FilesBackend {
  readonly capabilities: BackendCapabilities;
  /** Session step 1: returns the presigned `uploadUrl` and the exact headers to PUT with. */
  createSession(params: FileCreateParams, options?: RequestOptions): Promise<FileCreateResponse>;
  /**
   * Session step 2: PUT the bytes to `uploadUrl` with exactly `uploadHeaders`. Pass the session's
   * `expiresAt` when known: a 403 after it then reads as `upload-expired`, not `storage-rejected`.
   */
  put(
    session: Pick<FileCreateResponse, 'uploadUrl' | 'uploadHeaders'> & {
      expiresAt?: string | null;
    },
    body: Blob,
    options?: PutOptions,
  ): Promise<void>;
  /** Session step 3. */
  complete(id: string, params?: FileCompleteParams, options?: RequestOptions): Promise<FileObject>;
  cancel(id: string, options?: RequestOptions): Promise<FileObject>;
  retrieve(id: string, options?: RequestOptions): Promise<FileObject>;
  list(params?: ListPageParams, options?: RequestOptions): Promise<FilePage>;
  url(id: string, options?: RequestOptions): Promise<FileUrlResponse>;
  /** Services that delete (LlamaCloud, xAI). Lightfield has no delete. */
  delete?(id: string, options?: RequestOptions): Promise<void>;
  /**
   * One-request upload for services without sessions (LlamaCloud, xAI multipart). When present,
   * the engine calls it instead of createSession/put/complete.
   */
  upload?(file: File, params: FileCreateParams, options?: PutOptions): Promise<FileObject>;
}
