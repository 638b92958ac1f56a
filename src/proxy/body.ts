/**
 * Reads a JSON request body with a cap counted on the bytes as they arrive (a `Content-Length`
 * is only a hint: a declared size above the cap is refused before reading, a lying one is caught
 * while reading), decodes it as strict UTF-8, parses it, and hands it to the route's validator.
 */
import { isRefusal, type Refusal, refuse } from './errors.js';
import type { JsonObject, RouteSpec } from './services/types.js';

const tooLarge = (max: number): Refusal =>
  refuse(413, 'body_too_large', `The request body is larger than ${max} bytes.`);

export async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array | Refusal> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Whether a declared Content-Length already exceeds `max`. */
export function declaredTooLarge(request: Request, max: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > max;
}

export function isJsonType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [essence, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (essence !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8');
}

/** The validated, rebuilt JSON body of a route with `body.kind === 'json'`. */
export async function readJsonBody(
  request: Request,
  route: RouteSpec,
  max: number,
): Promise<JsonObject | Refusal> {
  if (route.body.kind !== 'json') return {};
  if (declaredTooLarge(request, max)) return tooLarge(max);
  const bytes = request.body ? await readCapped(request.body, max) : new Uint8Array();
  if (isRefusal(bytes)) return bytes;
  if (bytes.byteLength === 0) {
    if (route.body.optional) return route.body.parse({});
    return refuse(400, 'invalid_json', 'The request needs a JSON body.');
  }
  if (!isJsonType(request.headers.get('content-type')))
    return refuse(415, 'unsupported_media_type', 'Send the body as application/json.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(400, 'invalid_json', 'The request body is not UTF-8.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return route.body.parse(parsed);
}
