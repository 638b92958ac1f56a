/** Builds the node:http request handler from a ServerContext. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api.js';
import type { ServerContext } from './context.js';
import { answerPreflight, applyCors } from './cors.js';
import { ApiError } from './errors.js';
import { answerFault } from './fault-answer.js';
import { sendError, sendJson } from './http.js';
import { matchRoute } from './router.js';
import { handleControl, type ControlActions } from './routes/control.js';
import { handleDownload, handlePut } from './routes/storage.js';

async function handleStorage(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: 'put' | 'download',
  id: string,
  query: URLSearchParams,
): Promise<void> {
  const fault = ctx.faults.take(route, id);
  if (fault && (await answerFault(ctx, req, res, id, fault))) return;
  if (route === 'put') return handlePut(ctx, req, res, id, query, fault);
  return handleDownload(ctx, req, res, id, query);
}

export function createHandler(ctx: ServerContext, actions: ControlActions) {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/_control/') && ctx.control) {
      if (req.method === 'OPTIONS') return answerPreflight(req, res, ctx.corsOrigins);
      applyCors(req, res, ctx.corsOrigins);
      return handleControl(ctx, actions, req, res, path);
    }
    const method =
      req.method === 'OPTIONS'
        ? (req.headers['access-control-request-method'] ?? 'GET')
        : (req.method ?? 'GET');
    const match = matchRoute(method.toUpperCase(), path);
    ctx.requestLog.start(req, res, match?.route ?? null, match?.fileId);
    const started = ctx.now();
    res.once('finish', () =>
      ctx.log(`${req.method} ${path} ${res.statusCode} ${ctx.now() - started}ms`),
    );
    if (req.method === 'OPTIONS') return answerPreflight(req, res, ctx.corsOrigins);
    applyCors(req, res, ctx.corsOrigins);
    if (match?.kind === 'storage')
      return handleStorage(
        ctx,
        req,
        res,
        match.route as 'put' | 'download',
        match.fileId!,
        url.searchParams,
      );
    return handleApi(ctx, req, res, match, url.searchParams);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(res, error);
      ctx.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          error: {
            type: 'internal_server_error',
            message: 'Internal error.',
            code: 'internal_error',
          },
        });
      else res.destroy();
    });
  };
}
