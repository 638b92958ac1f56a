/**
 * The upstream leg of an authorised request: the body rebuilt, the call made, ownership recorded
 * for what the caller created (and the file undone upstream when that record cannot be written,
 * so nothing is left behind), and upstream's answer passed back.
 */
import type { ProxyConfig } from './config.js';
import { describe, redact } from './redact.js';
import { type Refusal, refuse } from './errors.js';
import { upstreamHeaders } from './headers.js';
import { type UpstreamUpload, upstreamUpload } from './multipart-body.js';
import type { Principal } from './options.js';
import { upstreamPath } from './own-list.js';
import type { Prepared } from './prepare.js';
import { jsonResponse, passThrough, refusalResponse } from './respond.js';
import type { ScannedUpload, Transport } from './transport.js';
import { callUpstream, type UpstreamCall } from './upstream.js';

async function undo(config: ProxyConfig, fileId: string): Promise<void> {
  const { undo: step } = config.service;
  const pinned = new URLSearchParams(config.pinnedQuery);
  const result = await callUpstream(config, {
    method: step.method,
    path: step.path(encodeURIComponent(fileId)),
    ...(config.service.api === 'llamacloud' ? { query: pinned } : {}),
    headers: upstreamHeaders(config, step.body ? { contentType: 'application/json' } : {}),
    ...(step.body ? { body: step.body } : {}),
    timeoutMs: config.timeoutMs,
    readText: true,
  });
  config.log({
    level: 'warn',
    message: `undid file ${fileId} the ownership store could not record: ${result.ok ? result.response.status : result.refusal.code}`,
  });
}

/** An answer's text parsed as JSON; undefined when it is not JSON. */
function parsed(text: string | undefined): { value: unknown } | undefined {
  if (!text) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Records the creator of a created file; the refusal when the answer or the store fails. */
async function record(
  config: ProxyConfig,
  user: Principal,
  json: { value: unknown } | undefined,
): Promise<Refusal | undefined> {
  if (!json)
    return refuse(502, 'invalid_upstream_answer', 'The Files API answered with invalid JSON.');
  const answer = json.value;
  const id = config.service.createdId(answer);
  if (id === undefined || !config.service.idPattern.test(id))
    return refuse(502, 'invalid_upstream_answer', 'The Files API answer has no valid file id.');
  try {
    await config.store.add(config.service.api, id, user.id);
    return undefined;
  } catch (error) {
    config.log({
      level: 'error',
      message: redact(`ownership store failed: ${describe(error)}`, config.apiKey),
    });
    await undo(config, id).catch(() => undefined);
    return refuse(503, 'ownership_store_failed', 'The upload could not be recorded; try again.');
  }
}

/** The upload as a transport that reads the browser's body itself may send it. */
function scanned(request: Request, upload: UpstreamUpload): ScannedUpload {
  const declared = request.headers.get('content-length');
  const length =
    declared && /^\d+$/.test(declared) ? upload.scan.length(Number(declared)) : undefined;
  return {
    source: upload.source,
    scan: upload.scan,
    ...(length === undefined ? {} : { length }),
  };
}

export async function forward(
  config: ProxyConfig,
  request: Request,
  user: Principal,
  prepared: Prepared,
  idempotencyKey: string | undefined,
  transport: Transport,
): Promise<Response> {
  const { route, fileId, query, upload } = prepared;
  const maxFileBytes = upload
    ? Math.min(config.service.multipart?.maxFileBytes(upload.fields) ?? 0, config.maxUploadBytes)
    : 0;
  const streamed = upload ? upstreamUpload(upload, maxFileBytes) : undefined;
  const call: UpstreamCall = {
    method: route.method,
    path: upstreamPath(route, fileId),
    query,
    headers: upstreamHeaders(config, {
      ...(streamed ? { contentType: streamed.contentType } : {}),
      ...(route.body.kind === 'json' ? { contentType: 'application/json' } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
    ...(streamed ? { body: streamed.body, upload: scanned(request, streamed) } : {}),
    ...(route.body.kind === 'json' ? { body: JSON.stringify(prepared.body ?? {}) } : {}),
    timeoutMs: upload ? config.uploadTimeoutMs : config.timeoutMs,
    signal: request.signal,
    readText: !route.stream,
  };
  const result = await callUpstream(config, call, transport);
  // A body the proxy cut (too large, malformed) explains the failure better than upstream's view.
  const cut = streamed?.failure();
  if (cut) {
    if (result.ok) await result.response.body?.cancel().catch(() => undefined);
    return refusalResponse(config, request, cut);
  }
  if (!result.ok) {
    if (result.refusal.status !== 499)
      config.log({
        level: 'warn',
        message: redact(
          `upstream ${route.operation} failed: ${describe(result.cause)}`,
          config.apiKey,
        ),
        operation: route.operation,
        code: result.refusal.code,
      });
    return refusalResponse(config, request, result.refusal);
  }
  const { response, text } = result;
  // Parsed once: for the ownership record and for the answer.
  const json = response.ok ? parsed(text) : undefined;
  if (route.access === 'create' && response.ok) {
    const refusal = await record(config, user, json);
    if (refusal) return refusalResponse(config, request, refusal);
  }
  if (route.operation === 'delete' && (response.ok || response.status === 404) && fileId)
    await config.store.remove(config.service.api, fileId).catch(() => undefined);
  if (route.stream) return passThrough(config, request, response, { stream: true });
  if (response.ok && text !== undefined && text !== '') {
    // Re-serialised: what reaches the browser is JSON the proxy parsed, never raw bytes.
    if (json && isJson(response))
      return jsonResponse(config, request, response.status, json.value, response.headers);
    return refusalResponse(
      config,
      request,
      refuse(502, 'invalid_upstream_answer', 'The Files API answered with invalid JSON.'),
    );
  }
  return passThrough(config, request, response, { ...(text === undefined ? {} : { text }) });
}

function isJson(response: Response): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '');
}
