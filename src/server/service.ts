/**
 * The seam between the shared server (listening, CORS, request log, control endpoint, faults,
 * rate limits, persistence) and one API's routes. Each API builds a Service from a BaseContext.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRenderer } from './errors.js';
import type { RouteMatch } from './router.js';

export const API_NAMES = ['lightfield', 'llamacloud', 'xai'] as const;
export type ApiName = (typeof API_NAMES)[number];

export interface Service {
  match(method: string, path: string): RouteMatch | undefined;
  /** Request headers a CORS preflight allows: exactly what this API's clients may send. */
  corsHeaders: readonly string[];
  /** Renders refusals (and internal errors) in this API's error format. */
  render: ErrorRenderer;
  /** Answers a matched (or unmatched) request after CORS and logging. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    match: RouteMatch | undefined,
    url: URL,
  ): Promise<void>;
  /** Internal detail of every stored file, for `GET /_control/files`. */
  controlFiles(): unknown[];
  /** Forgets per-service state beyond the store (idempotency records…) on reset. */
  reset(): void;
}
