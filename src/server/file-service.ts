/**
 * Builds the Service of an API whose clients upload in one multipart request (LlamaCloud, xAI):
 * the shared pipeline in front of five endpoints, bearer-only CORS, and the store's records as
 * the control endpoint's file detail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BaseContext } from './context.js';
import { BEARER_CORS_HEADERS } from './cors.js';
import type { ErrorRenderer } from './errors.js';
import { type Call, type CallOutcome, runCall } from './pipeline.js';
import type { RouteMatch, RouteMatcher } from './router.js';
import type { Service } from './service.js';
import type { FileStore, StoredRecord } from './store.js';

type Endpoint = (
  call: Call,
  id: string,
  query: URLSearchParams,
) => Promise<CallOutcome> | CallOutcome;

export interface FileServiceSpec<T extends StoredRecord> {
  ctx: BaseContext;
  store: FileStore<T>;
  match: RouteMatcher;
  render: ErrorRenderer;
  endpoints: Record<'upload' | 'list' | 'retrieve' | 'delete' | 'content', Endpoint>;
  /** Answers the storage routes (signed downloads), which skip the API pipeline. */
  storage?: (
    req: IncomingMessage,
    res: ServerResponse,
    match: RouteMatch,
    url: URL,
  ) => Promise<void>;
}

export function fileService<T extends StoredRecord>(spec: FileServiceSpec<T>): Service {
  const { ctx, store, render, endpoints, storage } = spec;
  const run = async (call: Call): Promise<CallOutcome> => {
    const endpoint = endpoints[call.match.route as keyof typeof endpoints];
    return endpoint(call, call.match.fileId ?? '', call.url.searchParams);
  };
  return {
    match: spec.match,
    corsHeaders: BEARER_CORS_HEADERS,
    render,
    handle(req, res, found, url) {
      if (found?.kind === 'storage' && storage) return storage(req, res, found, url);
      return runCall(ctx, req, res, found, url, render, run);
    },
    controlFiles: () => [...store.files.values()].sort((a, b) => b.seq - a.seq),
    reset() {},
  };
}
