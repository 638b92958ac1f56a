/**
 * The LlamaCloud Files API as a Service: one multipart upload, cursor lists, delete, and a
 * presigned download URL served by this server itself (`/_storage/download/…`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BaseContext } from '../context.js';
import { BEARER_CORS_HEADERS } from '../cors.js';
import { answerFault } from '../fault-answer.js';
import { runCall } from '../pipeline.js';
import { DOWNLOAD_ROW, ID, type RouteMatch, routeMatcher } from '../router.js';
import type { Service } from '../service.js';
import type { FileStore } from '../store.js';
import { renderLlamaCloudError } from './errors.js';
import {
  deleteFile,
  downloadFile,
  fileContent,
  type LlamaCloudContext,
  listFiles,
  retrieveFile,
  uploadFile,
} from './files.js';
import type { LlamaCloudFile } from './view.js';

const BASE = '/api/v1/beta/files';

const match = routeMatcher([
  {
    method: ['POST'],
    pattern: new RegExp(`^${BASE}/?$`),
    route: 'upload',
    kind: 'api',
    category: 'write',
  },
  {
    method: ['GET'],
    pattern: new RegExp(`^${BASE}/?$`),
    route: 'list',
    kind: 'api',
    category: 'search',
  },
  {
    method: ['GET'],
    pattern: new RegExp(`^${BASE}/${ID}$`),
    route: 'retrieve',
    kind: 'api',
    category: 'read',
  },
  {
    method: ['DELETE'],
    pattern: new RegExp(`^${BASE}/${ID}$`),
    route: 'delete',
    kind: 'api',
    category: 'write',
  },
  {
    method: ['GET'],
    pattern: new RegExp(`^${BASE}/${ID}/content$`),
    route: 'content',
    kind: 'api',
    category: 'read',
  },
  DOWNLOAD_ROW,
]);

async function handleDownload(
  ctx: LlamaCloudContext,
  req: IncomingMessage,
  res: ServerResponse,
  match: RouteMatch,
  url: URL,
): Promise<void> {
  const id = match.fileId ?? '';
  const fault = ctx.faults.take('download', id);
  if (fault && (await answerFault(req, res, fault, {}, renderLlamaCloudError))) return;
  return downloadFile(ctx, req, res, id, url.searchParams);
}

export function llamaCloudService(
  base: BaseContext,
  store: FileStore<LlamaCloudFile>,
  defaultProject: string,
): Service {
  const ctx: LlamaCloudContext = { ...base, store, defaultProject: defaultProject.toLowerCase() };
  return {
    match,
    corsHeaders: BEARER_CORS_HEADERS,
    render: renderLlamaCloudError,
    handle(req, res, found, url) {
      if (found?.kind === 'storage') return handleDownload(ctx, req, res, found, url);
      return runCall(ctx, req, res, found, url, renderLlamaCloudError, async (call) => {
        const id = call.match.fileId ?? '';
        const query = call.url.searchParams;
        switch (call.match.route) {
          case 'upload':
            return uploadFile(ctx, call);
          case 'list':
            return listFiles(ctx, query);
          case 'retrieve':
            return retrieveFile(ctx, id, query);
          case 'delete':
            return deleteFile(ctx, id, query);
          default:
            return fileContent(ctx, id, query);
        }
      });
    },
    controlFiles() {
      return [...store.files.values()].sort((a, b) => b.seq - a.seq);
    },
    reset() {},
  };
}
