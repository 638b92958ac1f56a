/**
 * Builds the node:http request handler shared by every reference server: the control endpoint,
 * the request log, CORS, then the service's own routes; anything thrown becomes an answer in the
 * service's error format.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BaseContext } from './context.js';
import { answerPreflight, applyCors } from './cors.js';
import { ApiError } from './errors.js';
import { sendError } from './http.js';
import { type ControlActions, handleControl } from './routes/control.js';
import type { Service } from './service.js';

export function createHandler(ctx: BaseContext, service: Service, actions: ControlActions) {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/_control/') && ctx.control) {
      if (req.method === 'OPTIONS') return answerPreflight(req, res, ctx.corsOrigins);
      applyCors(req, res, ctx.corsOrigins);
      // The control endpoint is filedock's own: its refusals keep one format whatever the API.
      return handleControl(ctx, actions, req, res, path).catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        sendError(res, error);
      });
    }
    const method =
      req.method === 'OPTIONS'
        ? (req.headers['access-control-request-method'] ?? 'GET')
        : (req.method ?? 'GET');
    const match = service.match(method.toUpperCase(), path);
    ctx.requestLog.start(req, res, match?.route ?? null, match?.fileId);
    const started = ctx.now();
    res.once('finish', () =>
      ctx.log(`${req.method} ${path} ${res.statusCode} ${ctx.now() - started}ms`),
    );
    if (req.method === 'OPTIONS')
      return answerPreflight(req, res, ctx.corsOrigins, service.corsHeaders);
    applyCors(req, res, ctx.corsOrigins);
    return service.handle(req, res, match, url);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(res, error, {}, service.render);
      ctx.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent)
        sendError(res, new ApiError(500, 'internal_error', 'Internal error.'), {}, service.render);
      else res.destroy();
    });
  };
}
