/**
 * Human text and the dropzone's `accept` map, derived from the same rule the files are
 * validated with, so the hint under a drop area never disagrees with the check.
 */
import { extensionsFor, labelForMimeType } from './mime.js';
import type { PurposeRule } from './purposes.js';

const UNITS = ['KB', 'MB', 'GB'] as const;

/**
 * Sizes in binary units with the everyday labels (100 MiB → "100 MB"), as file managers show.
 * Whole numbers lose their decimals; others keep one.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  let value = bytes;
  let unit: string = 'bytes';
  for (const next of UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${unit}`;
}

/** The labels of a rule's types, without repeats, in the rule's order. */
export function typeLabels(rule: PurposeRule): string[] {
  return [...new Set((rule.mimeTypes ?? []).map(labelForMimeType))];
}

/**
 * The drop area's `accept` map (`{ 'application/pdf': ['.pdf'], … }`, the shape react-dropzone
 * also takes); `undefined` when the rule takes any type.
 */
export function acceptFor(rule: PurposeRule): Record<string, string[]> | undefined {
  if (rule.mimeTypes === undefined) return undefined;
  return Object.fromEntries(rule.mimeTypes.map((type) => [type, extensionsFor(type)]));
}
