/** The xAI client's public types, apart from its code (no import circle). */
import type { FilesBackend, PutOptions, RemoteFile, RequestOptions } from '../backend.js';
import type { HttpClientOptions, ResolvedHttpOptions } from '../http/options.js';
import type { PurposeRules } from '../rules/purposes.js';

export interface XaiClientOptions extends HttpClientOptions {}

export interface XaiUploadParams {
  /** Sent as `purpose` when given; xAI needs none. @default undefined */
  purpose?: string;
  /** Sent as `expires_after`: seconds from 3600 to 2592000. @default undefined (no expiry) */
  expiresAfterSeconds?: number;
  /** The name in the file part's Content-Disposition. @default the File's own name */
  filename?: string;
  /** The file part's type. @default the File's own type */
  mimeType?: string;
}

/** Which query parameter carries the page token back: it follows the answer's own shape. */
export type XaiTokenParam = 'next_token' | 'pagination_token';

export interface XaiListParams {
  /** @default 100 (the most xAI takes) */
  limit?: number;
  /** A page token from the previous answer, and the parameter name it came under. */
  token?: { value: string; param: XaiTokenParam };
}

export interface XaiFilePage {
  /** Normalised from either answer shape. */
  data: RemoteFile[];
  /** The next page's token as the service sent it, and the parameter to send it back in. */
  next?: { value: string; param: XaiTokenParam };
}

export interface XaiFiles {
  upload(file: Blob, params?: XaiUploadParams, options?: PutOptions): Promise<RemoteFile>;
  /** Always sorted by `created_at` (otherwise the service guarantees no order). */
  list(params?: XaiListParams, options?: RequestOptions): Promise<XaiFilePage>;
  retrieve(id: string, options?: RequestOptions): Promise<RemoteFile>;
  delete(id: string, options?: RequestOptions): Promise<void>;
  /** The file's bytes (xAI has no signed download URL). */
  content(id: string, options?: RequestOptions): Promise<Blob>;
}

export interface XaiClient {
  readonly files: XaiFiles;
  readonly backend: FilesBackend;
  /** xAI's default rules: any type, 50 MB. */
  readonly rules: Readonly<PurposeRules>;
  readonly options: ResolvedHttpOptions;
}
