/**
 * What every client takes alike (base URL, headers, retries, timeout, axios), checked when the
 * client is made. No axios, no zod: this is the light half every client's factory imports.
 */
import type { AxiosInstance } from 'axios';
import { badArgument } from '../errors.js';

export type HeadersOption =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpClientOptions {
  /**
   * Where the Files API lives: the API itself, the app's own proxy route (which adds the key), or
   * a reference server. The service's own paths are appended to it.
   * @example 'http://127.0.0.1:4010'
   */
  baseURL: string;
  /**
   * Extra headers for every API call (never for a storage PUT), e.g. a session token for the
   * app's proxy. A function is called again for every attempt, so a refreshed token is picked up
   * by a retry.
   * @default undefined
   */
  headers?: HeadersOption;
  /** Retries after the first attempt for connection errors, timeouts, 408, 409, 429 and 5xx. @default 2 */
  maxRetries?: number;
  /**
   * Per-attempt limit for API calls, in ms; 0 turns it off. Uploads of file bytes have none while
   * the bytes are sent (abort them with a signal). @default 60000
   */
  timeoutMs?: number;
  /**
   * First backoff step: retry n waits `retryBaseDelayMs · 2ⁿ` (×0.75–1 jitter, at most 8 s) unless
   * the server sent `Retry-After-Ms` / `Retry-After` (honoured up to 60 s).
   * @default 500
   */
  retryBaseDelayMs?: number;
  /**
   * An axios instance for API calls, to share one with the app. filedock adds no interceptors
   * and changes no defaults on it. A storage PUT always uses filedock's own instance.
   * @default a fresh `axios.create()`
   */
  axios?: AxiosInstance;
}

/** The options as resolved, without `headers` (they may hold secrets). */
export interface ResolvedHttpOptions {
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly retryBaseDelayMs: number;
}

export function resolveHttpOptions(options: HttpClientOptions): ResolvedHttpOptions {
  if (!options || typeof options.baseURL !== 'string' || options.baseURL.trim() === '') {
    throw badArgument('`baseURL` must be a non-empty string.', 'baseURL');
  }
  const resolved = {
    baseURL: options.baseURL,
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
  };
  for (const key of ['maxRetries', 'timeoutMs', 'retryBaseDelayMs'] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value < 0)
      throw badArgument(`\`${key}\` must be a number ≥ 0.`, key);
  }
  if (!Number.isInteger(resolved.maxRetries))
    throw badArgument('`maxRetries` must be an integer.', 'maxRetries');
  return resolved;
}

/** Query keys and messages name the API without its trailing slashes. */
export function trimBase(baseURL: string): string {
  return baseURL.replace(/\/+$/, '');
}
