/**
 * LlamaCloud's default purpose rules, from its published limits. It publishes no per-purpose type
 * lists, so every purpose takes any type; the server stays authoritative.
 */
import { baseRule, type PurposeRule, type PurposeRules } from '../rules/purposes.js';
import {
  LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES,
  LLAMACLOUD_MAX_FILENAME_LENGTH,
  LLAMACLOUD_MAX_SIZE_BYTES,
  type LlamaCloudPurpose,
} from './constants.js';

const platform: PurposeRule = {
  ...baseRule,
  maxFilenameLength: LLAMACLOUD_MAX_FILENAME_LENGTH,
  maxSize: LLAMACLOUD_MAX_SIZE_BYTES,
};

export type LlamaCloudPurposeRules = Record<LlamaCloudPurpose | 'none', PurposeRule>;

/** `none` is `user_data`'s rule: the client sends `user_data` when no purpose is given. */
export const llamaCloudPurposeRules: Readonly<LlamaCloudPurposeRules> & PurposeRules =
  Object.freeze({
    none: platform,
    user_data: platform,
    parse: platform,
    extract: { ...platform, maxSize: LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES },
    classify: platform,
    split: platform,
    sheet: platform,
    agent_app: platform,
  });
