/**
 * Wire shapes of the xAI Files API. Two documented shapes exist for files and lists, and the
 * client accepts both: the OpenAI-compatible one (`{id, bytes, filename, created_at: unix s}`,
 * list `{data, pagination_token}`) and the management one (`{file_id, name, size_bytes: "123",
 * content_type, created_at, upload_status}`, list `{files, next_token}`).
 */
import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));
const unixSeconds = z.number().check(z.nonnegative());

export const openAiFileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  bytes: z.number().check(z.int(), z.nonnegative()),
  filename: z.string(),
  created_at: unixSeconds,
  expires_at: z.optional(z.nullable(unixSeconds)),
  purpose: optionalText,
});

export const managementFileSchema = z.object({
  file_id: z.string().check(z.minLength(1)),
  name: z.string(),
  size_bytes: z.string().check(z.regex(/^\d+$/)),
  content_type: optionalText,
  created_at: z.string(),
  expires_at: optionalText,
  upload_status: optionalText,
  upload_error_message: optionalText,
});

export const xaiFileSchema = z.union([openAiFileSchema, managementFileSchema]);
export type XaiFile = z.infer<typeof xaiFileSchema>;

export const xaiListSchema = z.union([
  z.object({ data: z.array(openAiFileSchema), pagination_token: optionalText }),
  z.object({ files: z.array(managementFileSchema), next_token: optionalText }),
]);
export type XaiFileList = z.infer<typeof xaiListSchema>;

export const xaiDeletedSchema = z.object({ deleted: z.boolean() });
