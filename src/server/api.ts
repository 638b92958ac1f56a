/**
 * The request pipeline of an API call, in the order the checks run:
 * auth (401) → version header (400) → rate limit (429) → JSON body (415/400) → Idempotency-Key
 * (replay/409/422) → scripted fault → handler. Rate-limit headers go on every answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, checkVersion } from './auth.js';
import type { RouteResult, ServerContext } from './context.js';
import { ApiError, errorBody, renderLightfieldError } from './errors.js';
import { answerAfterEffect, answerFault } from './fault-answer.js';
import { isJsonContentType, readBody, sendError, sendJson } from './http.js';
import type { Reservation } from './idempotency.js';
import { admit } from './rate-limit.js';
import type { RouteMatch } from './router.js';
import {
  cancelFile,
  completeFile,
  createFile,
  expireIfAsked,
  fileUrl,
  listFiles,
  retrieveFile,
} from './routes/files.js';

async function parseJsonBody(req: IncomingMessage, match: RouteMatch): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const raw = await readBody(req);
  // complete/cancel may be sent bare; create always needs a JSON body.
  if (raw.length === 0 && match.route !== 'create') return {};
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

function run(
  ctx: ServerContext,
  match: RouteMatch,
  token: string,
  body: unknown,
  query: URLSearchParams,
): Promise<RouteResult> | RouteResult {
  const id = match.fileId ?? '';
  switch (match.route) {
    case 'create':
      return createFile(ctx, token, body);
    case 'complete':
      return completeFile(ctx, id, body);
    case 'cancel':
      return cancelFile(ctx, id, body);
    case 'retrieve':
      return retrieveFile(ctx, id);
    case 'list':
      return listFiles(ctx, query);
    default:
      return fileUrl(ctx, id);
  }
}

export async function handleApi(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  match: RouteMatch | undefined,
  query: URLSearchParams,
): Promise<void> {
  let rateHeaders = ctx.limiter.check('anonymous', match?.category ?? 'read', false).headers;
  let reservation: Extract<Reservation, { kind: 'fresh' }> | undefined;
  try {
    if (!match) throw new ApiError(404, 'route_not_found', `No route ${req.method} ${req.url}.`);
    const token = authenticate(req, ctx.apiKeys);
    checkVersion(req);
    rateHeaders = admit(ctx.limiter, token, match.category ?? 'write');
    const body = await parseJsonBody(req, match);
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && req.method === 'POST') {
      const reserved = ctx.idempotency.reserve(
        `${token}\n${req.method}\n${new URL(req.url ?? '/', 'http://x').pathname}`,
        key,
        body,
      );
      if (reserved.kind === 'replay')
        return sendJson(res, reserved.status, reserved.body, {
          ...rateHeaders,
          'idempotent-replayed': 'true',
        });
      reservation = reserved;
    }
    const fault = ctx.faults.take(match.route, match.fileId);
    const prepare = () => expireIfAsked(ctx, match.fileId, fault);
    if (
      fault &&
      (await answerFault(req, res, fault, rateHeaders, renderLightfieldError, prepare))
    ) {
      reservation?.release();
      return;
    }
    const result = await run(ctx, match, token, body, query);
    // Stored even when a fault replaces the answer: the server did the work, so a retry with the
    // same key replays it, as it would after a real lost answer.
    reservation?.finish(result.status, result.body);
    if (answerAfterEffect(req, res, fault, rateHeaders, renderLightfieldError)) return;
    sendJson(res, result.status, result.body, rateHeaders);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : new ApiError(500, 'internal_error', 'Internal error.');
    if (!(error instanceof ApiError))
      ctx.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
    reservation?.finish(
      apiError.status,
      errorBody(apiError.status, apiError.code, apiError.message, apiError.param),
    );
    sendError(res, apiError, rateHeaders);
  }
}
