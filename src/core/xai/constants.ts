/** xAI Files API fixed values, without zod. */

/** 50 MB per upload request (read as MiB, as filedock's other caps; the service answers 413 above). */
export const XAI_MAX_SIZE_BYTES = 50 * 1024 * 1024;
export const XAI_MAX_FILENAME_LENGTH = 255;
export const XAI_MAX_PAGE_SIZE = 100;
/** `expires_after` bounds, in seconds. */
export const XAI_MIN_EXPIRES_AFTER = 3600;
export const XAI_MAX_EXPIRES_AFTER = 2_592_000;
