/**
 * The request pipeline of the LlamaCloud and xAI servers, in the order the checks run:
 * route (404) → auth (401) → rate limit (429) → scripted fault → handler → an `afterEffect`
 * fault → answer. Rate-limit headers go on every answer; refusals use the service's format.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.js';
import type { BaseContext, RouteResult } from './context.js';
import { ApiError, type ErrorRenderer } from './errors.js';
import { answerAfterEffect, answerFault } from './fault-answer.js';
import type { FaultSpec } from './faults.js';
import { sendError, sendResult } from './http.js';
import { admit } from './rate-limit.js';
import type { RouteMatch } from './router.js';

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  match: RouteMatch;
  url: URL;
  token: string;
  /** The fault hitting this request, for handlers that apply byte-level faults themselves. */
  fault: FaultSpec | undefined;
  /** Rate-limit headers, for handlers that answer by themselves. */
  headers: Record<string, string>;
}

/** A handler's result, or `sent` when it answered itself (streamed bytes, refused an upload). */
export type CallOutcome = RouteResult | 'sent';

export async function runCall(
  ctx: BaseContext,
  req: IncomingMessage,
  res: ServerResponse,
  match: RouteMatch | undefined,
  url: URL,
  render: ErrorRenderer,
  handler: (call: Call) => Promise<CallOutcome>,
): Promise<void> {
  let headers = ctx.limiter.check('anonymous', match?.category ?? 'read', false).headers;
  try {
    if (!match)
      throw new ApiError(404, 'route_not_found', `No route ${req.method} ${url.pathname}.`);
    const token = authenticate(req, ctx.apiKeys);
    headers = admit(ctx.limiter, token, match.category ?? 'read');
    const fault = ctx.faults.take(match.route, match.fileId);
    if (fault && (await answerFault(req, res, fault, headers, render))) return;
    const outcome = await handler({ req, res, match, url, token, fault, headers });
    if (outcome === 'sent') return;
    if (answerAfterEffect(req, res, fault, headers, render)) return;
    sendResult(res, outcome, headers);
  } catch (error) {
    if (!(error instanceof ApiError))
      ctx.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
    const apiError =
      error instanceof ApiError ? error : new ApiError(500, 'internal_error', 'Internal error.');
    sendError(res, apiError, headers, render);
  }
}
