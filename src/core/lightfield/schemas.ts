/**
 * Wire shapes of the Lightfield Files API (camelCase JSON), as zod/mini schemas.
 *
 * Why zod/mini: the classic build costs ~26 kB gzip in a browser bundle, mini ~6 kB, and these
 * schemas only parse. Unknown extra keys are tolerated (servers add fields over time); missing or
 * mistyped ones fail the parse, which the client turns into an `invalid-response` error.
 */
import * as z from 'zod/mini';

import { FILE_STATUSES, PURPOSES, type Purpose } from './constants.js';

export * from './constants.js';

export const purposeSchema = z.enum(PURPOSES);

export const fileStatusSchema = z.enum(FILE_STATUSES);

const sizeBytes = z.number().check(z.int(), z.nonnegative());

export const fileObjectSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: fileStatusSchema,
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes,
  createdAt: z.string(),
  completedAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
});
export type FileObject = z.infer<typeof fileObjectSchema>;

export const fileCreateResponseSchema = z.extend(fileObjectSchema, {
  uploadUrl: z.string().check(z.minLength(1)),
  uploadHeaders: z.record(z.string(), z.string()),
});
export type FileCreateResponse = z.infer<typeof fileCreateResponseSchema>;

export const fileListResponseSchema = z.object({
  object: z.literal('list'),
  data: z.array(fileObjectSchema),
  totalCount: z.number().check(z.int(), z.nonnegative()),
});
export type FileListResponse = z.infer<typeof fileListResponseSchema>;

export const fileUrlResponseSchema = z.object({
  url: z.string().check(z.minLength(1)),
  expiresAt: z.string(),
});
export type FileUrlResponse = z.infer<typeof fileUrlResponseSchema>;

export interface FileCreateParams {
  filename: string;
  mimeType: string;
  sizeBytes: number;
  purpose?: Purpose;
}

export interface FileCompleteParams {
  /** Lower-case hex MD5 of the bytes, checked by the server before the file becomes COMPLETED. */
  md5?: string;
}

export interface FileListParams {
  /** @default 0 */
  offset?: number;
  /** @default 25 (the API's maximum) */
  limit?: number;
}
