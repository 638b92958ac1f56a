/** Query-string checks shared by the LlamaCloud and xAI servers. */
import { ApiError } from './errors.js';

/** Clients send only documented parameters: anything else is a 422 naming it. */
export function rejectUnknownParams(query: URLSearchParams, allowed: readonly string[]): void {
  for (const key of query.keys()) {
    if (!allowed.includes(key))
      throw new ApiError(422, 'unknown_parameter', `Unknown query parameter "${key}".`, key, {
        location: 'query',
      });
  }
}

/** The last value of a parameter, or undefined when absent (an empty value counts as absent). */
export function param(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  const last = values.at(-1);
  return last === undefined || last === '' ? undefined : last;
}

/** An integer parameter within [min, max]; `status` is the API's answer to a bad value. */
export function intParam(
  query: URLSearchParams,
  name: string,
  range: { min: number; max: number; status: number },
): number | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  const n = /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max)
    throw new ApiError(
      range.status,
      'invalid_value',
      `${name} must be an integer from ${range.min} to ${range.max}, got "${value}".`,
      name,
      { location: 'query' },
    );
  return n;
}

/** One of the allowed values. */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  status: number,
): T | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new ApiError(
      status,
      'invalid_value',
      `${name} must be one of ${allowed.join(', ')}, got "${value}".`,
      name,
      { location: 'query' },
    );
  return value as T;
}
