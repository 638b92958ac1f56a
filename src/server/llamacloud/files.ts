/** LlamaCloud's file endpoints. Each returns a result for the pipeline, or throws an ApiError. */
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import type { BlobAnswer } from '../blob.js';
import type { BaseContext, RouteResult } from '../context.js';
import { ApiError } from '../errors.js';
import { receiveMultipart, tooLarge } from '../multipart.js';
import { paginate } from '../cursor.js';
import type { Call, CallOutcome } from '../pipeline.js';
import type { FileStore } from '../store.js';
import {
  checkFileId,
  LLAMACLOUD_MAX_EXTRACT_BYTES,
  LLAMACLOUD_MAX_FILE_BYTES,
  parseContentQuery,
  parseListQuery,
  parseUploadFields,
  projectOf,
} from './validate.js';
import { type LlamaCloudFile, toWire } from './view.js';

export interface LlamaCloudContext extends BaseContext {
  store: FileStore<LlamaCloudFile>;
  /** The project of requests that name none. */
  defaultProject: string;
}

/** Room for the multipart boundaries and headers around a file at the cap. */
const ENVELOPE_BYTES = 64 * 1024;

const capFor = (purpose: string | undefined): number =>
  purpose === 'extract' ? LLAMACLOUD_MAX_EXTRACT_BYTES : LLAMACLOUD_MAX_FILE_BYTES;

/** A file of the request's project, or 404 (another project's file is not there for this caller). */
function findFile(ctx: LlamaCloudContext, id: string, projectId: string): LlamaCloudFile {
  checkFileId(id);
  const file = ctx.store.files.get(id.toLowerCase());
  if (!file || file.projectId !== projectId)
    throw new ApiError(404, 'file_not_found', 'File not found');
  return file;
}

export async function uploadFile(ctx: LlamaCloudContext, call: Call): Promise<CallOutcome> {
  const projectId = projectOf(call.url.searchParams, ctx.defaultProject);
  const id = randomUUID();
  const part = ctx.store.partPath(id);
  try {
    const received = await receiveMultipart(
      call.req,
      part,
      {
        fields: ['purpose', 'external_file_id'],
        fileField: 'file',
        maxRequestBytes: LLAMACLOUD_MAX_FILE_BYTES + ENVELOPE_BYTES,
        maxFileBytes: (fields) => capFor(fields.get('purpose')),
        invalidStatus: 422,
      },
      call.fault,
    );
    // A dropped or abandoned upload has no one left to answer.
    if (received.kind !== 'ok') return 'sent';
    const params = parseUploadFields(received.fields, received.file);
    const { file } = params;
    // `purpose` may follow the file part: its cap is then checked once the size is known.
    if (file.size > capFor(params.purpose))
      throw tooLarge(capFor(params.purpose), 'The file', 'file');
    const nowIso = new Date(ctx.now()).toISOString();
    const record: LlamaCloudFile = {
      id,
      seq: ctx.store.nextSeq(),
      name: params.name,
      projectId,
      purpose: params.purpose,
      externalFileId: params.externalFileId,
      mimeType: file.mimeType,
      sizeBytes: file.size,
      md5: file.md5,
      createdAt: nowIso,
      lastModifiedAt: nowIso,
    };
    await rename(part, ctx.store.blobPath(id));
    await ctx.store.save(record);
    return { status: 200, body: toWire(record) };
  } finally {
    await rm(part, { force: true });
  }
}

export function listFiles(ctx: LlamaCloudContext, query: URLSearchParams): RouteResult {
  const params = parseListQuery(query, ctx.defaultProject);
  const matching = [...ctx.store.files.values()].filter(
    (f) =>
      f.projectId === params.projectId &&
      (params.fileName === undefined || f.name === params.fileName) &&
      (params.fileIds === undefined || params.fileIds.includes(f.id)) &&
      (params.externalFileId === undefined || f.externalFileId === params.externalFileId),
  );
  const { pageToken, pageSize, ...scope } = params;
  const page = paginate(
    matching,
    {
      key: (f) =>
        params.orderBy === 'name'
          ? [f.name, f.id]
          : params.orderBy === 'id'
            ? [f.id]
            : [f.createdAt, f.seq],
      descending: params.descending,
      limit: pageSize,
      token: pageToken,
      scope: JSON.stringify(scope),
    },
    () => new ApiError(400, 'invalid_page_token', 'page_token does not belong to this list query.'),
  );
  return {
    status: 200,
    body: {
      items: page.items.map(toWire),
      ...(page.next === undefined ? {} : { next_page_token: page.next }),
    },
  };
}

export function retrieveFile(
  ctx: LlamaCloudContext,
  id: string,
  query: URLSearchParams,
): RouteResult {
  const file = findFile(ctx, id, projectOf(query, ctx.defaultProject));
  return { status: 200, body: toWire(file) };
}

export async function deleteFile(
  ctx: LlamaCloudContext,
  id: string,
  query: URLSearchParams,
): Promise<RouteResult> {
  const file = findFile(ctx, id, projectOf(query, ctx.defaultProject));
  await ctx.store.remove(file.id);
  return { status: 204, body: undefined };
}

export function fileContent(
  ctx: LlamaCloudContext,
  id: string,
  query: URLSearchParams,
): RouteResult {
  const { projectId, seconds } = parseContentQuery(query, ctx.defaultProject);
  const file = findFile(ctx, id, projectId);
  const expiresMs = ctx.now() + (seconds === undefined ? ctx.config.downloadTtlMs : seconds * 1000);
  return {
    status: 200,
    body: {
      url: ctx.signer.url(ctx.publicUrl, 'download', file.id, expiresMs),
      expires_at: new Date(expiresMs).toISOString(),
    },
  };
}

/** What the signed download URL (handed out by `content`) serves; a deleted file is gone. */
export function downloadable(ctx: LlamaCloudContext, id: string): BlobAnswer | undefined {
  const file = ctx.store.files.get(id);
  if (!file) return undefined;
  const { mimeType: contentType, name: filename, md5: etag } = file;
  return { path: ctx.store.blobPath(id), contentType, filename, etag };
}
