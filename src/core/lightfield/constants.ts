/**
 * The Lightfield Files API's fixed values, without zod: modules that only need a limit or the
 * purpose list import them from here, so the schemas (and zod) stay in the lazily loaded client.
 * `schemas.ts` re-exports them.
 */
export const PURPOSES = [
  'meeting_transcript',
  'knowledge_user',
  'knowledge_workspace',
  'email_attachment',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const FILE_STATUSES = ['PENDING', 'COMPLETED', 'CANCELLED', 'EXPIRED'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** The published API caps a file at 512 MiB. */
export const MAX_SIZE_BYTES = 536_870_912;
export const MAX_FILENAME_LENGTH = 255;
export const DEFAULT_API_VERSION = '2026-03-01';
export const MAX_LIST_LIMIT = 25;

export const MD5_PATTERN = /^[a-f0-9]{32}$/;
