/** Applies the parts of a fault that act before a handler runs: delay, forced expiry, status, malformed body. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context.js';
import { errorBody } from './errors.js';
import { malformedBody, type FaultSpec } from './faults.js';
import { sendJson, waitUnlessClosed } from './http.js';

/** Returns true when the request has been answered (or its client went away during the delay). */
export async function answerFault(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string | undefined,
  fault: FaultSpec,
  headers: Record<string, string> = {},
): Promise<boolean> {
  if (fault.delayMs && !(await waitUnlessClosed(req, fault.delayMs))) return true;
  if (fault.expire && fileId) {
    const file = ctx.store.files.get(fileId);
    if (file?.status === 'PENDING') {
      await ctx.store.save({
        ...file,
        status: 'EXPIRED',
        sessionExpiresAt: new Date(ctx.now()).toISOString(),
      });
    }
  }
  if (fault.status) {
    const extra: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    const code = fault.status === 429 ? 'rate_limited' : 'injected_fault';
    sendJson(res, fault.status, errorBody(fault.status, code, `Injected fault: ${fault.status}.`), {
      ...headers,
      ...extra,
    });
    return true;
  }
  if (fault.malformed) {
    const { contentType, text } = malformedBody(fault.malformed);
    res.writeHead(200, {
      ...headers,
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
    return true;
  }
  return false;
}
