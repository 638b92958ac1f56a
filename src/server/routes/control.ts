/**
 * `/_control/*`: a JSON side door for tests and demos, served only with `control: true`.
 * It needs no auth, so it must never be enabled on a shared network.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BaseContext } from '../context.js';
import { ApiError } from '../errors.js';
import { readBody, sendJson } from '../http.js';
import { parseConfigPatch, type RuntimeConfig } from '../options.js';

export interface ControlActions {
  reset(): Promise<void>;
  setConfig(patch: Partial<RuntimeConfig>): void;
  /** Internal detail of every stored file, newest first. */
  files(): unknown[];
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
  ctx: BaseContext,
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
        (body.faults as unknown[]).map((f) => ctx.faults.parse(f)),
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
    case 'GET /_control/files':
      return sendJson(res, 200, { files: actions.files() });
    default:
      throw new ApiError(404, 'route_not_found', `No control route ${route}.`);
  }
}
