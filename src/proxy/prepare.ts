/**
 * Everything that can be checked before knowing who calls: the route, the id, the query and the
 * body's shape. Nothing here reaches upstream.
 */
import { declaredTooLarge, readJsonBody } from './body.js';
import type { ProxyConfig } from './config.js';
import { isRefusal, type Refusal, refuse } from './errors.js';
import { matchRoute, segmentsUnder } from './match.js';
import { boundaryOf, type MultipartHead, readMultipartHead } from './multipart-head.js';
import { checkQuery } from './query.js';
import type { JsonObject, RouteSpec } from './services/types.js';

export interface Prepared {
  route: RouteSpec;
  fileId?: string;
  query: URLSearchParams;
  /** The rebuilt JSON body, or a multipart upload's leading fields. */
  body?: JsonObject;
  /** A multipart upload read up to its file's first bytes. */
  upload?: MultipartHead;
}

/** Whether the request carries a body (which GET and DELETE routes must not). */
function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null && length !== '0') return true;
  return request.headers.has('transfer-encoding');
}

export async function prepare(config: ProxyConfig, request: Request): Promise<Prepared | Refusal> {
  const url = new URL(request.url);
  const segments = segmentsUnder(config.basePath, url.pathname);
  if (!segments) return refuse(404, 'route_not_found', 'No such route.');
  const match = matchRoute(config.service, request.method, segments);
  if (isRefusal(match)) return match;
  const { route } = match;
  const query = checkQuery(route, url.searchParams, config.pinnedQuery);
  if (isRefusal(query)) return query;
  const base = { route, query, ...(match.fileId === undefined ? {} : { fileId: match.fileId }) };
  switch (route.body.kind) {
    case 'none':
      if (hasBody(request)) return refuse(400, 'unexpected_body', 'This request takes no body.');
      return base;
    case 'json': {
      const body = await readJsonBody(request, route, config.maxJsonBytes);
      return isRefusal(body) ? body : { ...base, body };
    }
    case 'multipart': {
      const spec = config.service.multipart;
      const boundary = boundaryOf(request.headers.get('content-type'));
      if (!spec || !boundary || !request.body)
        return refuse(415, 'unsupported_media_type', 'Send the upload as multipart/form-data.');
      // Above the largest cap of any purpose (plus room for the form), refuse before reading.
      if (
        declaredTooLarge(request, Math.min(config.maxUploadBytes, spec.largestFileBytes) + 65_536)
      )
        return refuse(413, 'body_too_large', 'The upload is too large.');
      const upload = await readMultipartHead(request.body, boundary, spec);
      if (isRefusal(upload)) return upload;
      return { ...base, body: { ...upload.fields, filename: upload.filename }, upload };
    }
  }
}
