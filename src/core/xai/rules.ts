/**
 * xAI's default rules: no purpose is needed, any type, 50 MB per file. A purpose an app names is
 * sent as is and judged by the service.
 */
import { baseRule, type PurposeRule, type PurposeRules } from '../rules/purposes.js';
import { XAI_MAX_FILENAME_LENGTH, XAI_MAX_SIZE_BYTES } from './constants.js';

const any: PurposeRule = {
  ...baseRule,
  maxFilenameLength: XAI_MAX_FILENAME_LENGTH,
  maxSize: XAI_MAX_SIZE_BYTES,
};

export const xaiPurposeRules: Readonly<PurposeRules> = Object.freeze({ none: any });
