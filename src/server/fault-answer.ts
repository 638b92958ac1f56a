/**
 * Applies a scripted fault around a handler: the delay always comes first; the fault's own answer
 * (a dropped connection, an error status, a malformed 200) replaces the handler's, either before
 * the handler runs or, with `afterEffect`, after it took effect.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ErrorRenderer } from './errors.js';
import { malformedBody, type FaultSpec } from './faults.js';
import { sendJson, waitUnlessClosed } from './http.js';

/** The fault's own answer, now; false when it has none (a delay or throttle only). */
export function answerWithFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultSpec,
  headers: Record<string, string>,
  render: ErrorRenderer,
): boolean {
  if (fault.drop) {
    req.socket.destroy();
    return true;
  }
  if (fault.status) {
    const extra: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    const code = fault.status === 429 ? 'rate_limited' : 'injected_fault';
    const error = new ApiError(fault.status, code, `Injected fault: ${fault.status}.`);
    sendJson(res, fault.status, render(error), { ...headers, ...extra });
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

/**
 * Before the handler: waits out the delay, runs `prepare` (a service's own fault effects), then
 * answers unless the fault waits for the effect. True when the request has been answered (or its
 * client went away during the delay).
 */
export async function answerFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultSpec,
  headers: Record<string, string>,
  render: ErrorRenderer,
  prepare?: () => Promise<void>,
): Promise<boolean> {
  if (fault.delayMs && !(await waitUnlessClosed(req, fault.delayMs))) return true;
  await prepare?.();
  if (fault.afterEffect) return false;
  return answerWithFault(req, res, fault, headers, render);
}

/** After the handler took effect: answers with the fault when it asked for that. */
export function answerAfterEffect(
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultSpec | undefined,
  headers: Record<string, string>,
  render: ErrorRenderer,
): boolean {
  return fault?.afterEffect === true && answerWithFault(req, res, fault, headers, render);
}
