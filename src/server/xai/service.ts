/**
 * The xAI Files API as a Service: one multipart upload (fields before the file), token lists,
 * delete, and the bytes streamed from `/content`. Answers in the OpenAI-compatible shape, or the
 * management shape of the seed when started with `xaiShape: 'management'`.
 */
import type { BaseContext } from '../context.js';
import { BEARER_CORS_HEADERS } from '../cors.js';
import type { XaiShape } from '../options.js';
import { runCall } from '../pipeline.js';
import { ID, routeMatcher } from '../router.js';
import type { Service } from '../service.js';
import type { FileStore } from '../store.js';
import { renderXaiError } from './errors.js';
import {
  deleteFile,
  fileContent,
  listFiles,
  retrieveFile,
  uploadFile,
  type XaiContext,
} from './files.js';
import type { XaiFile } from './view.js';

const match = routeMatcher([
  {
    method: ['POST'],
    pattern: /^\/v1\/files\/?$/,
    route: 'upload',
    kind: 'api',
    category: 'write',
  },
  { method: ['GET'], pattern: /^\/v1\/files\/?$/, route: 'list', kind: 'api', category: 'search' },
  {
    method: ['GET'],
    pattern: new RegExp(`^/v1/files/${ID}$`),
    route: 'retrieve',
    kind: 'api',
    category: 'read',
  },
  {
    method: ['DELETE'],
    pattern: new RegExp(`^/v1/files/${ID}$`),
    route: 'delete',
    kind: 'api',
    category: 'write',
  },
  {
    method: ['GET', 'HEAD'],
    pattern: new RegExp(`^/v1/files/${ID}/content$`),
    route: 'content',
    kind: 'api',
    category: 'read',
  },
]);

export function xaiService(base: BaseContext, store: FileStore<XaiFile>, shape: XaiShape): Service {
  const ctx: XaiContext = { ...base, store, shape };
  return {
    match,
    corsHeaders: BEARER_CORS_HEADERS,
    render: renderXaiError,
    handle(req, res, found, url) {
      return runCall(ctx, req, res, found, url, renderXaiError, async (call) => {
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
            return fileContent(ctx, call, id);
        }
      });
    },
    controlFiles() {
      return [...store.files.values()].sort((a, b) => b.seq - a.seq);
    },
    reset() {},
  };
}
