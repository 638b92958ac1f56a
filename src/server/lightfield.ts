/** The Lightfield Files API as a Service: session → presigned PUT → complete, offset lists. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api.js';
import { serveSignedDownload } from './blob.js';
import type { ServerContext } from './context.js';
import { LIGHTFIELD_CORS_HEADERS } from './cors.js';
import { renderLightfieldError } from './errors.js';
import { answerFault } from './fault-answer.js';
import { effectiveStatus, toFileObject } from './file-view.js';
import { matchRoute } from './router.js';
import { expireIfAsked } from './routes/files.js';
import { downloadable, handlePut } from './routes/storage.js';
import type { Service } from './service.js';

async function handleStorage(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: 'put' | 'download',
  id: string,
  query: URLSearchParams,
): Promise<void> {
  const fault = ctx.faults.take(route, id);
  const prepare = () => expireIfAsked(ctx, id, fault);
  if (fault && (await answerFault(req, res, fault, {}, renderLightfieldError, prepare))) return;
  if (route === 'put') return handlePut(ctx, req, res, id, query, fault);
  return serveSignedDownload(ctx, req, res, id, query, (file) => downloadable(ctx, file));
}

export function lightfieldService(ctx: ServerContext): Service {
  return {
    match: matchRoute,
    corsHeaders: LIGHTFIELD_CORS_HEADERS,
    render: renderLightfieldError,
    handle(req, res, match, url) {
      if (match?.kind === 'storage')
        return handleStorage(
          ctx,
          req,
          res,
          match.route as 'put' | 'download',
          match.fileId ?? '',
          url.searchParams,
        );
      return handleApi(ctx, req, res, match, url.searchParams);
    },
    controlFiles() {
      const nowMs = ctx.now();
      return [...ctx.store.files.values()]
        .sort((a, b) => b.seq - a.seq)
        .map((f) => ({
          ...toFileObject(f, nowMs),
          status: effectiveStatus(f, nowMs),
          originalFilename: f.originalFilename,
          purpose: f.purpose,
          md5: f.md5,
          receivedBytes: f.receivedBytes,
          sessionExpiresAt: f.sessionExpiresAt,
        }));
    },
    reset() {
      ctx.idempotency.clear();
      ctx.inflightNames.clear();
    },
  };
}
