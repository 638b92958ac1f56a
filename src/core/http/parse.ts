/**
 * Every answer goes through a schema: a malformed answer is an `invalid-response` error that
 * names the bad field, never a silent `undefined` deep inside an app.
 */
import type * as z from 'zod/mini';
import { FiledockError } from '../errors.js';

interface ParseContext {
  /** e.g. `GET /v1/files/fil_1`. */
  what: string;
  status?: number;
}

export function invalidResponse(
  detail: string,
  context: ParseContext,
  cause?: unknown,
): FiledockError {
  return new FiledockError({
    code: 'invalid-response',
    message: `Invalid response from ${context.what}: ${detail}.`,
    status: context.status,
    retryable: false,
    cause,
  });
}

/** Parses a 2xx body that must be JSON; HTML, plain text, empty or broken JSON are refused. */
export function parseJsonText(text: unknown, context: ParseContext): unknown {
  if (typeof text !== 'string') {
    // An adapter that already decoded the body (a caller's axios instance may do so).
    if (text !== null && typeof text === 'object') return text;
    throw invalidResponse('the body is empty', context);
  }
  if (text.trim() === '') throw invalidResponse('the body is empty', context);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidResponse(
      `the body is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`,
      context,
      error,
    );
  }
}

export function parseWith<TSchema extends z.ZodMiniType>(
  schema: TSchema,
  data: unknown,
  context: ParseContext,
): z.infer<TSchema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.infer<TSchema>;
  const issue = result.error.issues[0];
  if (!issue)
    throw invalidResponse('the body does not match the expected shape', context, result.error);
  throw invalidResponse(describeIssue(issue, data), context, result.error);
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, data: unknown): string {
  const path = issue.path.map(String);
  const field = path.length === 0 ? 'the body' : `field "${path.join('.')}"`;
  const value = valueAt(data, issue.path);
  if (!value.found) return `${field} is missing`;
  if (issue.code === 'invalid_type') {
    return `${field} should be ${issue.expected}, got ${kindOf(value.value)}`;
  }
  if (issue.code === 'invalid_value') {
    return `${field} has an unexpected value ${JSON.stringify(value.value)}`;
  }
  return `${field} is invalid (${issue.code})`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current))
      return { found: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
