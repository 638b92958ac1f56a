/** xAI's file endpoints. Each returns a result for the pipeline, or throws an ApiError. */
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { serveBlob } from '../blob.js';
import type { BaseContext, RouteResult } from '../context.js';
import { paginate } from '../cursor.js';
import { ApiError } from '../errors.js';
import { receiveMultipart } from '../multipart.js';
import type { XaiShape } from '../options.js';
import type { Call, CallOutcome } from '../pipeline.js';
import type { FileStore } from '../store.js';
import {
  checkFileQuery,
  fieldOrderError,
  parseListQuery,
  parseUploadFields,
  UPLOAD_FIELDS,
  XAI_MAX_REQUEST_BYTES,
} from './validate.js';
import { isExpired, listWire, toWire, type XaiFile } from './view.js';

export interface XaiContext extends BaseContext {
  store: FileStore<XaiFile>;
  shape: XaiShape;
}

/** A live file, or 404: deleted and expired files are gone alike. */
function findFile(ctx: XaiContext, id: string, query: URLSearchParams): XaiFile {
  checkFileQuery(query);
  const file = ctx.store.files.get(id);
  if (!file || isExpired(file, ctx.now()))
    throw new ApiError(404, 'file_not_found', `File ${id} not found.`, 'file_id');
  return file;
}

export async function uploadFile(ctx: XaiContext, call: Call): Promise<CallOutcome> {
  checkFileQuery(call.url.searchParams);
  const id = `file-${randomUUID()}`;
  const part = ctx.store.partPath(id);
  try {
    const received = await receiveMultipart(
      call.req,
      part,
      {
        fields: UPLOAD_FIELDS,
        fileField: 'file',
        maxRequestBytes: XAI_MAX_REQUEST_BYTES,
        maxFileBytes: () => XAI_MAX_REQUEST_BYTES,
        // xAI streams the file part on: what it needs must be known before it starts.
        fieldAfterFile: (name) => {
          throw fieldOrderError(name);
        },
        invalidStatus: 400,
      },
      call.fault,
    );
    if (received.kind !== 'ok') return 'sent';
    const params = parseUploadFields(received.fields, received.file);
    const { file } = params;
    const nowMs = ctx.now();
    const record: XaiFile = {
      id,
      seq: ctx.store.nextSeq(),
      filename: params.filename,
      contentType: file.mimeType,
      bytes: file.size,
      md5: file.md5,
      purpose: params.purpose,
      createdAtMs: nowMs,
      expiresAtMs:
        params.expiresAfterSeconds === null ? null : nowMs + params.expiresAfterSeconds * 1000,
    };
    await rename(part, ctx.store.blobPath(id));
    await ctx.store.save(record);
    return { status: 200, body: toWire(record, ctx.shape) };
  } finally {
    await rm(part, { force: true });
  }
}

export function listFiles(ctx: XaiContext, query: URLSearchParams): RouteResult {
  const params = parseListQuery(query, ctx.shape);
  const nowMs = ctx.now();
  const live = [...ctx.store.files.values()].filter(
    (f) => !isExpired(f, nowMs) && (params.filter?.test(f) ?? true),
  );
  const page = paginate(
    live,
    {
      key: (f) => {
        if (params.sortBy === 'created_at') return [f.createdAtMs, f.seq];
        if (params.sortBy === 'filename') return [f.filename, f.id];
        if (params.sortBy === 'size') return [f.bytes, f.id];
        return [f.id];
      },
      descending: params.descending,
      limit: params.limit,
      token: params.token,
      scope: JSON.stringify([params.sortBy, params.descending, params.filter?.text]),
    },
    () =>
      new ApiError(
        400,
        'invalid_page_token',
        'The pagination token does not belong to this query.',
      ),
  );
  return { status: 200, body: listWire(page.items, page.next, ctx.shape) };
}

export function retrieveFile(ctx: XaiContext, id: string, query: URLSearchParams): RouteResult {
  return { status: 200, body: toWire(findFile(ctx, id, query), ctx.shape) };
}

export async function deleteFile(
  ctx: XaiContext,
  id: string,
  query: URLSearchParams,
): Promise<RouteResult> {
  const file = findFile(ctx, id, query);
  await ctx.store.remove(file.id);
  const body =
    ctx.shape === 'management'
      ? { id: file.id, deleted: true }
      : { id: file.id, object: 'file', deleted: true };
  return { status: 200, body };
}

/** The bytes themselves (no signed URL on xAI). */
export async function fileContent(ctx: XaiContext, call: Call, id: string): Promise<CallOutcome> {
  const file = findFile(ctx, id, call.url.searchParams);
  await serveBlob(call.req, call.res, {
    path: ctx.store.blobPath(file.id),
    contentType: file.contentType,
    filename: file.filename,
    etag: file.md5,
    headers: call.headers,
  });
  return 'sent';
}
