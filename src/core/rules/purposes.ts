/**
 * One rule table drives validation, the dropzone's `accept`, the help text and the reference
 * server's own checks. Each client brings its service's table (`client.rules`); this file holds
 * the rule shape and Lightfield's defaults. They are filedock's defaults: apps may override them,
 * and the server stays authoritative (Lightfield does not publish its per-purpose lists, except
 * email's 20 MiB).
 */
import { MAX_FILENAME_LENGTH, MAX_SIZE_BYTES, type Purpose } from '../lightfield/constants.js';

const MiB = 1024 * 1024;

export interface PurposeRule {
  /**
   * Allowed MIME types, exact and lower-case. `undefined` means any type.
   * @default undefined
   */
  mimeTypes?: readonly string[];
  /** Largest accepted size in bytes. @default 536870912 (512 MiB, the API's cap) */
  maxSize: number;
  /** Smallest accepted size in bytes. @default 1 */
  minSize: number;
  /** Longest accepted filename, in characters. @default 255 */
  maxFilenameLength: number;
  /** How many files one picker may take at once; `undefined` means no limit. @default undefined */
  maxFiles?: number;
}

/**
 * Rules by the service's purpose names. The key `none` holds the rule used when no purpose is
 * given, and for a purpose the table does not name (the service then judges it).
 */
export type PurposeRules = { readonly none: PurposeRule } & Readonly<Record<string, PurposeRule>>;

/** Lightfield's table: one rule per documented purpose. */
export type LightfieldPurposeRules = Record<Purpose | 'none', PurposeRule>;

/** What every rule shares unless it says otherwise. */
export const baseRule = { minSize: 1, maxFilenameLength: MAX_FILENAME_LENGTH } as const;

const TRANSCRIPT_TYPES = [
  'text/plain',
  'text/vtt',
  'application/x-subrip',
  'text/markdown',
  'application/json',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

const KNOWLEDGE_TYPES = [
  'application/pdf',
  'text/plain',
  'text/markdown',
  'text/csv',
  'text/html',
  'application/json',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

export const defaultPurposeRules: Readonly<LightfieldPurposeRules> = Object.freeze({
  meeting_transcript: { ...baseRule, mimeTypes: TRANSCRIPT_TYPES, maxSize: 50 * MiB },
  knowledge_user: { ...baseRule, mimeTypes: KNOWLEDGE_TYPES, maxSize: 100 * MiB },
  knowledge_workspace: { ...baseRule, mimeTypes: KNOWLEDGE_TYPES, maxSize: 100 * MiB },
  email_attachment: { ...baseRule, maxSize: 20 * MiB },
  none: { ...baseRule, maxSize: MAX_SIZE_BYTES },
});

/** Purposes whose uploads get `if-none-match: *` and a stamped stored filename. */
export const KNOWLEDGE_PURPOSES: readonly Purpose[] = ['knowledge_user', 'knowledge_workspace'];

export function ruleFor(
  purpose: string | undefined,
  rules: Readonly<PurposeRules> = defaultPurposeRules,
): PurposeRule {
  return (purpose === undefined ? undefined : rules[purpose]) ?? rules.none;
}

/** Whether a (normalised, lower-case) MIME type passes a rule. */
export function isMimeTypeAllowed(rule: PurposeRule, mimeType: string): boolean {
  return rule.mimeTypes === undefined || rule.mimeTypes.includes(mimeType.toLowerCase());
}
