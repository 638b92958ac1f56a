/** Validation of small JSON request bodies: closed key sets, typed fields, rebuilt objects. */
import { type Refusal, refuse } from '../errors.js';
import type { JsonObject } from './types.js';

export function asObject(body: unknown): JsonObject | Refusal {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return refuse(400, 'invalid_json', 'The request body must be a JSON object.');
  return body as JsonObject;
}

/** Refuses any key outside `allowed` (own keys, `__proto__` included). */
export function onlyKeys(body: JsonObject, allowed: readonly string[]): Refusal | undefined {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key))
      return refuse(400, 'unknown_field', `Unknown field "${key}".`, { param: key });
  }
  return undefined;
}

export function missing(key: string): Refusal {
  return refuse(400, 'missing_field', `Missing required field "${key}".`, { param: key });
}

export function invalid(key: string, why: string): Refusal {
  return refuse(400, 'invalid_field', `${key} ${why}.`, { param: key });
}

/** A string field of a JSON object answer, if there is one. */
export function idField(answer: unknown, key: string): string | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const value = (answer as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
