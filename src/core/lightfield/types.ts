/**
 * The Lightfield client's public types, apart from its code so that the client, its working half
 * and its backend adapter all import them without importing each other.
 */
import type { FilesBackend, RequestOptions } from '../backend.js';
import type { HttpClientOptions, ResolvedHttpOptions } from '../http/options.js';
import type { PurposeRules } from '../rules/purposes.js';
import type {
  FileCompleteParams,
  FileCreateParams,
  FileCreateResponse,
  FileListParams,
  FileListResponse,
  FileObject,
  FileUrlResponse,
} from './schemas.js';

export type { HeadersOption } from '../http/options.js';

export interface LightfieldClientOptions extends HttpClientOptions {
  /** Sent as `Lightfield-Version`. @default '2026-03-01' */
  apiVersion?: string;
}

/** The options as resolved, without `headers` (they may hold secrets). */
export interface ResolvedClientOptions extends ResolvedHttpOptions {
  readonly apiVersion: string;
}

export interface LightfieldFiles {
  create(params: FileCreateParams, options?: RequestOptions): Promise<FileCreateResponse>;
  /** Always sends a JSON body: `{}` without an md5. */
  complete(id: string, params?: FileCompleteParams, options?: RequestOptions): Promise<FileObject>;
  cancel(id: string, options?: RequestOptions): Promise<FileObject>;
  retrieve(id: string, options?: RequestOptions): Promise<FileObject>;
  list(params?: FileListParams, options?: RequestOptions): Promise<FileListResponse>;
  url(id: string, options?: RequestOptions): Promise<FileUrlResponse>;
}

export interface LightfieldClient {
  readonly files: LightfieldFiles;
  /** The engine's seam over this client (PUT included). */
  readonly backend: FilesBackend;
  /** Lightfield's default purpose rules (filedock's defaults; the server stays authoritative). */
  readonly rules: Readonly<PurposeRules>;
  readonly options: ResolvedClientOptions;
}
