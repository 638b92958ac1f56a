/**
 * LlamaCloud Files API fixed values, without zod, so the rule table and the light half of the
 * client import them without loading the schemas.
 */
export const LLAMACLOUD_PURPOSES = [
  'user_data',
  'parse',
  'extract',
  'classify',
  'split',
  'sheet',
  'agent_app',
] as const;
export type LlamaCloudPurpose = (typeof LLAMACLOUD_PURPOSES)[number];

/** Sent when the app names no purpose. */
export const DEFAULT_LLAMACLOUD_PURPOSE: LlamaCloudPurpose = 'user_data';

const MiB = 1024 * 1024;
/** Published limits: 512 MB per file platform-wide, 100 MB for Extract (read as MiB, as filedock's other caps). */
export const LLAMACLOUD_MAX_SIZE_BYTES = 512 * MiB;
export const LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES = 100 * MiB;
/** `name` is 1–3000 characters. */
export const LLAMACLOUD_MAX_FILENAME_LENGTH = 3000;
export const LLAMACLOUD_MAX_PAGE_SIZE = 1000;
