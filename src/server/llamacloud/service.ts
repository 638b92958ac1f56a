/**
 * The LlamaCloud Files API as a Service: one multipart upload, cursor lists, delete, and a
 * presigned download URL served by this server itself (`/_storage/download/…`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveSignedDownload } from '../blob.js';
import type { BaseContext } from '../context.js';
import { answerFault } from '../fault-answer.js';
import { fileService } from '../file-service.js';
import { apiRow, DOWNLOAD_ROW, type RouteMatch, routeMatcher } from '../router.js';
import type { Service } from '../service.js';
import type { FileStore } from '../store.js';
import { renderLlamaCloudError } from './errors.js';
import {
  deleteFile,
  downloadable,
  fileContent,
  type LlamaCloudContext,
  listFiles,
  retrieveFile,
  uploadFile,
} from './files.js';
import { isUuid } from './validate.js';
import type { LlamaCloudFile } from './view.js';

const BASE = '/api/v1/beta/files';

const match = routeMatcher([
  apiRow('POST', `${BASE}/?`, 'upload', 'write'),
  apiRow('GET', `${BASE}/?`, 'list', 'search'),
  apiRow('GET', `${BASE}/:id`, 'retrieve', 'read'),
  apiRow('DELETE', `${BASE}/:id`, 'delete', 'write'),
  apiRow('GET', `${BASE}/:id/content`, 'content', 'read'),
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
  return serveSignedDownload(ctx, req, res, id, url.searchParams, (file) =>
    downloadable(ctx, file),
  );
}

export function llamaCloudService(
  base: BaseContext,
  store: FileStore<LlamaCloudFile>,
  defaultProject: string,
): Service {
  if (!isUuid(defaultProject))
    throw new TypeError(`projectId must be a UUID, got ${JSON.stringify(defaultProject)}`);
  const ctx: LlamaCloudContext = { ...base, store, defaultProject: defaultProject.toLowerCase() };
  return fileService({
    ctx,
    store,
    match,
    render: renderLlamaCloudError,
    endpoints: {
      upload: (call) => uploadFile(ctx, call),
      list: (_, __, query) => listFiles(ctx, query),
      retrieve: (_, id, query) => retrieveFile(ctx, id, query),
      delete: (_, id, query) => deleteFile(ctx, id, query),
      content: (_, id, query) => fileContent(ctx, id, query),
    },
    storage: (req, res, found, url) => handleDownload(ctx, req, res, found, url),
  });
}
