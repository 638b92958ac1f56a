import type { PurposeRule, PurposeRules } from '../core/rules/purposes.js';

/** Rules purpose by purpose: the given ones replace the base's, `undefined` entries are skipped. */
export function mergeRules(
  base: Readonly<PurposeRules>,
  over: Readonly<Partial<Record<string, PurposeRule>>>,
): Readonly<PurposeRules> {
  const merged: Record<string, PurposeRule> = { ...base };
  for (const [purpose, rule] of Object.entries(over)) if (rule) merged[purpose] = rule;
  return merged as PurposeRules;
}
