/**
 * The storage side: the presigned PUT and the signed download URL. Like a real object store it
 * knows nothing of API keys: it trusts only the signed token, and refuses API headers outright,
 * so a client that leaks `Authorization` to storage finds out in development.
 */
import { rename, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KNOWLEDGE_PURPOSES } from '../../core/rules/purposes.js';
import type { BlobAnswer } from '../blob.js';
import type { ServerContext } from '../context.js';
import { ApiError, renderLightfieldError } from '../errors.js';
import { answerAfterEffect } from '../fault-answer.js';
import type { FaultSpec } from '../faults.js';
import { effectiveStatus } from '../file-view.js';
import { header, sendError } from '../http.js';
import type { StoredFile } from '../store.js';
import { uploadHeadersFor } from './files.js';
import { verifySignedUrl } from '../tokens.js';
import { streamBody } from './stream-body.js';

/** Headers that belong to the API and must never reach storage. */
export const FORBIDDEN_STORAGE_HEADERS = ['authorization', 'lightfield-version'];

function knowledgeKey(file: StoredFile): string | undefined {
  return file.purpose && KNOWLEDGE_PURPOSES.includes(file.purpose)
    ? `${file.purpose}\n${file.originalFilename}`
    : undefined;
}

/** `if-none-match: *` on the knowledge store: the name must not exist yet (stored or streaming). */
function checkCollision(ctx: ServerContext, file: StoredFile, key: string): void {
  const nowMs = ctx.now();
  const taken =
    file.md5 !== null ||
    ctx.inflightNames.has(key) ||
    [...ctx.store.files.values()].some((other) => {
      if (other.id === file.id || knowledgeKey(other) !== key) return false;
      const status = effectiveStatus(other, nowMs);
      return status === 'COMPLETED' || (status === 'PENDING' && other.md5 !== null);
    });
  if (taken)
    throw new ApiError(
      412,
      'name_collision',
      `A knowledge file named "${file.originalFilename}" already exists.`,
    );
}

/** Every check a PUT must pass before a byte is read. */
function admitPut(
  ctx: ServerContext,
  req: IncomingMessage,
  id: string,
  query: URLSearchParams,
): StoredFile {
  verifySignedUrl(ctx, 'upload', id, query);
  const file = ctx.store.files.get(id);
  if (!file) throw new ApiError(403, 'session_not_pending', 'The upload session no longer exists.');
  for (const name of FORBIDDEN_STORAGE_HEADERS) {
    if (req.headers[name] !== undefined) {
      throw new ApiError(
        403,
        'forbidden_header',
        `Storage refuses the API header "${name}"; send exactly uploadHeaders.`,
        name,
      );
    }
  }
  for (const [name, value] of Object.entries(uploadHeadersFor(file))) {
    const sent = header(req, name);
    const same =
      name === 'content-type'
        ? sent?.trim().toLowerCase() === value.toLowerCase()
        : sent?.trim() === value;
    if (!same) {
      throw new ApiError(
        403,
        'signed_header_mismatch',
        `Signed header "${name}" must be "${value}", got ${sent === undefined ? 'nothing' : `"${sent}"`}.`,
        name,
      );
    }
  }
  const status = effectiveStatus(file, ctx.now());
  if (status === 'EXPIRED')
    throw new ApiError(403, 'url_expired', 'The upload session has expired.');
  if (status !== 'PENDING')
    throw new ApiError(403, 'session_not_pending', `The file is ${status}; uploads are closed.`);
  const declared = header(req, 'content-length');
  if (declared !== undefined && Number(declared) !== file.sizeBytes) {
    throw new ApiError(
      400,
      'size_mismatch',
      `Content-Length ${declared} differs from sizeBytes ${file.sizeBytes}.`,
    );
  }
  return file;
}

export async function handlePut(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  query: URLSearchParams,
  fault?: FaultSpec,
): Promise<void> {
  let file: StoredFile;
  let key: string | undefined;
  try {
    file = admitPut(ctx, req, id, query);
    key = knowledgeKey(file);
    if (key) checkCollision(ctx, file, key);
  } catch (error) {
    // Refused before reading. Node drains the unread body after the answer, so the client can
    // finish sending and read the refusal; only a body longer than declared is cut off instead.
    if (error instanceof ApiError)
      return sendError(res, error, error.code === 'size_mismatch' ? { connection: 'close' } : {});
    throw error;
  }
  if (key) ctx.inflightNames.add(key);
  const part = ctx.store.partPath(id);
  try {
    const outcome = await streamBody(req, part, file.sizeBytes, fault);
    if (outcome.kind === 'dropped' || outcome.kind === 'aborted') return;
    if (outcome.kind === 'size') {
      sendError(res, new ApiError(400, 'size_mismatch', outcome.message), { connection: 'close' });
      res.once('finish', () => req.destroy());
      return;
    }
    const current = ctx.store.files.get(id);
    if (!current || effectiveStatus(current, ctx.now()) !== 'PENDING') {
      return sendError(
        res,
        new ApiError(
          403,
          'session_not_pending',
          'The session ended while the bytes were arriving.',
        ),
      );
    }
    await rename(part, ctx.store.blobPath(id));
    await ctx.store.save({ ...current, receivedBytes: outcome.bytes, md5: outcome.md5 });
    if (answerAfterEffect(req, res, fault, {}, renderLightfieldError)) return;
    res.writeHead(200, { etag: `"${outcome.md5}"`, 'content-length': '0' });
    res.end();
  } finally {
    if (key) ctx.inflightNames.delete(key);
    await rm(part, { force: true });
  }
}

/** What a download URL serves: the bytes of a COMPLETED file only. */
export function downloadable(ctx: ServerContext, id: string): BlobAnswer | undefined {
  const file = ctx.store.files.get(id);
  if (file?.status !== 'COMPLETED') return undefined;
  const { mimeType: contentType, filename, md5 } = file;
  return { path: ctx.store.blobPath(id), contentType, filename, etag: md5 ?? '' };
}
