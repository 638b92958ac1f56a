/** The LlamaCloud client's public types, apart from its code (no import circle). */
import type { FilesBackend, PutOptions, RequestOptions } from '../backend.js';
import type { HttpClientOptions, ResolvedHttpOptions } from '../http/options.js';
import type { PurposeRules } from '../rules/purposes.js';
import type { LlamaCloudFile, LlamaCloudFileList, LlamaCloudPresignedUrl } from './schemas.js';

export interface LlamaCloudClientOptions extends HttpClientOptions {
  /**
   * Sent as `project_id` on every call. Without it the service uses the key's default project.
   * @default undefined
   */
  projectId?: string;
  /** Sent as `organization_id` on every call. @default undefined */
  organizationId?: string;
}

export interface ResolvedLlamaCloudOptions extends ResolvedHttpOptions {
  readonly projectId: string | undefined;
  readonly organizationId: string | undefined;
}

export interface LlamaCloudUploadParams {
  /** @default 'user_data' */
  purpose?: string;
  /** Sent as `external_file_id`, to correlate with the app's own records. @default undefined */
  externalFileId?: string;
  /** The part's filename. @default the File's own name */
  filename?: string;
  /** The part's type. @default the File's own type */
  mimeType?: string;
}

export interface LlamaCloudListParams {
  /** @default the service's (50); at most 1000 */
  pageSize?: number;
  /** The previous page's `next_page_token`. */
  pageToken?: string;
}

export interface LlamaCloudFiles {
  upload(
    file: Blob,
    params?: LlamaCloudUploadParams,
    options?: PutOptions,
  ): Promise<LlamaCloudFile>;
  list(params?: LlamaCloudListParams, options?: RequestOptions): Promise<LlamaCloudFileList>;
  retrieve(id: string, options?: RequestOptions): Promise<LlamaCloudFile>;
  /** The service answers 204. */
  delete(id: string, options?: RequestOptions): Promise<void>;
  /** A presigned download URL and when it expires. */
  content(id: string, options?: RequestOptions): Promise<LlamaCloudPresignedUrl>;
}

export interface LlamaCloudClient {
  readonly files: LlamaCloudFiles;
  readonly backend: FilesBackend;
  /** LlamaCloud's default purpose rules, from its published limits. */
  readonly rules: Readonly<PurposeRules>;
  readonly options: ResolvedLlamaCloudOptions;
}

export type { LlamaCloudFile, LlamaCloudFileList, LlamaCloudPresignedUrl };
