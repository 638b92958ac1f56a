/** The six API endpoints. Each returns `{status, body}` or throws an ApiError. */
import { randomBytes } from 'node:crypto';
import { KNOWLEDGE_PURPOSES } from '../../core/rules/purposes.js';
import { isAdmin } from '../auth.js';
import type { RouteResult, ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { effectiveStatus, stampFilename, toFileObject } from '../file-view.js';
import type { FaultSpec } from '../faults.js';
import type { StoredFile } from '../store.js';
import {
  parseCancelBody,
  parseCompleteBody,
  parseCreateBody,
  parseListQuery,
} from '../validate.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function newFileId(): string {
  return `fil_${randomBytes(12).toString('base64url')}`;
}

export function findFile(ctx: ServerContext, id: string): StoredFile {
  const file = ctx.store.files.get(id);
  if (!file) throw new ApiError(404, 'file_not_found', `No file with id ${id}.`, 'id');
  return file;
}

/** The `expire` fault: a PENDING session becomes EXPIRED before the request is handled. */
export async function expireIfAsked(
  ctx: ServerContext,
  fileId: string | undefined,
  fault: FaultSpec | undefined,
): Promise<void> {
  if (!fault?.expire || !fileId) return;
  const file = ctx.store.files.get(fileId);
  if (file?.status !== 'PENDING') return;
  await ctx.store.save({ ...file, status: 'EXPIRED', sessionExpiresAt: iso(ctx.now()) });
}

/** Issued headers of an upload: the content type, plus if-none-match for knowledge purposes. */
export function uploadHeadersFor(file: StoredFile): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': file.mimeType };
  if (file.purpose && KNOWLEDGE_PURPOSES.includes(file.purpose)) headers['if-none-match'] = '*';
  return headers;
}

export async function createFile(
  ctx: ServerContext,
  token: string,
  body: unknown,
): Promise<RouteResult> {
  const params = parseCreateBody(body, ctx.rules);
  if (params.purpose === 'knowledge_workspace' && !isAdmin(token, ctx.adminTokens)) {
    throw new ApiError(
      403,
      'admin_only',
      'Only workspace admins may add workspace knowledge.',
      'purpose',
    );
  }
  const nowMs = ctx.now();
  const knowledge = params.purpose !== undefined && KNOWLEDGE_PURPOSES.includes(params.purpose);
  const expiresMs = nowMs + ctx.config.sessionTtlMs;
  const file: StoredFile = {
    id: newFileId(),
    filename: knowledge ? stampFilename(params.filename, nowMs) : params.filename,
    originalFilename: params.filename,
    mimeType: params.mimeType,
    sizeBytes: params.sizeBytes,
    purpose: params.purpose ?? null,
    status: 'PENDING',
    createdAt: iso(nowMs),
    completedAt: null,
    sessionExpiresAt: iso(expiresMs),
    receivedBytes: 0,
    md5: null,
    seq: ctx.store.nextSeq(),
  };
  await ctx.store.save(file);
  return {
    status: 200,
    body: {
      ...toFileObject(file, nowMs),
      uploadUrl: ctx.signer.url(ctx.publicUrl, 'upload', file.id, expiresMs),
      uploadHeaders: uploadHeadersFor(file),
    },
  };
}

/** Refuses a state change on a file that is not PENDING (EXPIRED gets its own code). */
function requirePending(file: StoredFile, nowMs: number, action: string): void {
  const status = effectiveStatus(file, nowMs);
  if (status === 'EXPIRED')
    throw new ApiError(
      409,
      'expired',
      `The upload session of ${file.id} has expired; create a new one.`,
    );
  if (status !== 'PENDING')
    throw new ApiError(409, 'invalid_status', `Cannot ${action} file ${file.id}: it is ${status}.`);
}

export async function completeFile(
  ctx: ServerContext,
  id: string,
  body: unknown,
): Promise<RouteResult> {
  const { md5 } = parseCompleteBody(body);
  const file = findFile(ctx, id);
  const nowMs = ctx.now();
  requirePending(file, nowMs, 'complete');
  if (file.md5 === null || file.receivedBytes !== file.sizeBytes) {
    throw new ApiError(
      409,
      'upload_incomplete',
      `No bytes have been uploaded for ${file.id} yet; PUT them to uploadUrl first.`,
    );
  }
  if (md5 !== undefined && md5 !== file.md5) {
    throw new ApiError(
      400,
      'checksum_mismatch',
      `md5 ${md5} does not match the uploaded bytes; the file stays PENDING.`,
      'md5',
    );
  }
  const done: StoredFile = { ...file, status: 'COMPLETED', completedAt: iso(nowMs) };
  await ctx.store.save(done);
  return { status: 200, body: toFileObject(done, nowMs) };
}

export async function cancelFile(
  ctx: ServerContext,
  id: string,
  body: unknown,
): Promise<RouteResult> {
  parseCancelBody(body);
  const file = findFile(ctx, id);
  const nowMs = ctx.now();
  requirePending(file, nowMs, 'cancel');
  const cancelled: StoredFile = { ...file, status: 'CANCELLED', receivedBytes: 0, md5: null };
  await ctx.store.save(cancelled);
  await ctx.store.removeBlob(id);
  return { status: 200, body: toFileObject(cancelled, nowMs) };
}

export function retrieveFile(ctx: ServerContext, id: string): RouteResult {
  return { status: 200, body: toFileObject(findFile(ctx, id), ctx.now()) };
}

export function listFiles(ctx: ServerContext, query: URLSearchParams): RouteResult {
  const { offset, limit } = parseListQuery(query);
  const nowMs = ctx.now();
  const all = [...ctx.store.files.values()].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.seq - a.seq,
  );
  return {
    status: 200,
    body: {
      object: 'list',
      data: all.slice(offset, offset + limit).map((f) => toFileObject(f, nowMs)),
      totalCount: all.length,
    },
  };
}

export function fileUrl(ctx: ServerContext, id: string): RouteResult {
  const file = findFile(ctx, id);
  const status = effectiveStatus(file, ctx.now());
  if (status !== 'COMPLETED') {
    throw new ApiError(
      409,
      'file_not_completed',
      `File ${id} is ${status}; only COMPLETED files have a download URL.`,
    );
  }
  const expiresMs = ctx.now() + ctx.config.downloadTtlMs;
  return {
    status: 200,
    body: {
      url: ctx.signer.url(ctx.publicUrl, 'download', id, expiresMs),
      expiresAt: iso(expiresMs),
    },
  };
}
