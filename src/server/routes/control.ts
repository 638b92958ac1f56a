/**
 * `/_control/*`: a JSON side door for tests and demos, served only with `control: true`.
 * It needs no auth, so it must never be enabled on a shared network.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { parseFault } from '../faults.js';
import { effectiveStatus, toFileObject } from '../file-view.js';
import { readBody, sendJson } from '../http.js';
import { parseConfigPatch, type RuntimeConfig } from '../options.js';

export interface ControlActions {
  reset(): Promise<void>;
  setConfig(patch: Partial<RuntimeConfig>): void;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the refusal below
  }
  throw new ApiError(400, 'invalid_json', 'The control body must be a JSON object.');
}

function wrapTypeError<T>(code: 'invalid_fault' | 'invalid_config', run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TypeError) throw new ApiError(400, code, error.message);
    throw error;
  }
}

export async function handleControl(
  ctx: ServerContext,
  actions: ControlActions,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method} ${path}`;
  switch (route) {
    case 'GET /_control/faults':
      return sendJson(res, 200, { faults: ctx.faults.list() });
    case 'POST /_control/faults': {
      const body = await jsonBody(req);
      if (!Array.isArray(body.faults))
        throw new ApiError(400, 'invalid_fault', 'Send {faults: FaultSpec[]}.', 'faults');
      const specs = wrapTypeError('invalid_fault', () =>
        (body.faults as unknown[]).map(parseFault),
      );
      ctx.faults.add(...specs);
      return sendJson(res, 200, { faults: ctx.faults.list() });
    }
    case 'DELETE /_control/faults':
      ctx.faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'GET /_control/requests':
      return sendJson(res, 200, { requests: ctx.requestLog.list() });
    case 'DELETE /_control/requests':
      ctx.requestLog.clear();
      return sendJson(res, 200, { requests: [] });
    case 'GET /_control/config':
      return sendJson(res, 200, { config: ctx.config });
    case 'POST /_control/config': {
      const body = await jsonBody(req);
      actions.setConfig(wrapTypeError('invalid_config', () => parseConfigPatch(body)));
      return sendJson(res, 200, { config: ctx.config });
    }
    case 'POST /_control/reset':
      await actions.reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /_control/files': {
      const nowMs = ctx.now();
      const files = [...ctx.store.files.values()]
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
      return sendJson(res, 200, { files });
    }
    default:
      throw new ApiError(404, 'route_not_found', `No control route ${route}.`);
  }
}
