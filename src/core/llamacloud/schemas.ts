/**
 * Wire shapes of the LlamaCloud Files API (snake_case JSON), as zod/mini schemas. Unknown keys
 * are tolerated; missing or mistyped documented ones make the answer `invalid-response`.
 */
import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));

export const llamaCloudFileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  project_id: z.string(),
  expires_at: optionalText,
  external_file_id: optionalText,
  file_type: optionalText,
  last_modified_at: optionalText,
  purpose: optionalText,
});
export type LlamaCloudFile = z.infer<typeof llamaCloudFileSchema>;

export const llamaCloudListSchema = z.object({
  items: z.array(llamaCloudFileSchema),
  next_page_token: optionalText,
  total_size: z.optional(z.nullable(z.number().check(z.int(), z.nonnegative()))),
});
export type LlamaCloudFileList = z.infer<typeof llamaCloudListSchema>;

export const presignedUrlSchema = z.object({
  url: z.string().check(z.minLength(1)),
  expires_at: z.string(),
  form_fields: z.optional(z.nullable(z.record(z.string(), z.string()))),
});
export type LlamaCloudPresignedUrl = z.infer<typeof presignedUrlSchema>;
