/**
 * The xAI Files API as a Service: one multipart upload (fields before the file), token lists,
 * delete, and the bytes streamed from `/content`. Answers in the OpenAI-compatible shape, or the
 * management shape of the seed when started with `xaiShape: 'management'`.
 */
import type { BaseContext } from '../context.js';
import type { XaiShape } from '../options.js';
import { fileService } from '../file-service.js';
import { apiRow, routeMatcher } from '../router.js';
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
  apiRow('POST', '/v1/files/?', 'upload', 'write'),
  apiRow('GET', '/v1/files/?', 'list', 'search'),
  apiRow('GET', '/v1/files/:id', 'retrieve', 'read'),
  apiRow('DELETE', '/v1/files/:id', 'delete', 'write'),
  apiRow(['GET', 'HEAD'], '/v1/files/:id/content', 'content', 'read'),
]);

export function xaiService(base: BaseContext, store: FileStore<XaiFile>, shape: XaiShape): Service {
  const ctx: XaiContext = { ...base, store, shape };
  return fileService({
    ctx,
    store,
    match,
    render: renderXaiError,
    endpoints: {
      upload: (call) => uploadFile(ctx, call),
      list: (_, __, query) => listFiles(ctx, query),
      retrieve: (_, id, query) => retrieveFile(ctx, id, query),
      delete: (_, id, query) => deleteFile(ctx, id, query),
      content: (call, id) => fileContent(ctx, call, id),
    },
  });
}
