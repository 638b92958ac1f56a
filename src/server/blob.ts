/** Streams stored bytes as a download answer (HEAD: headers only), never reading them whole. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentDisposition } from './content-disposition.js';
import type { BaseContext } from './context.js';
import { ApiError } from './errors.js';
import { verifySignedUrl } from './tokens.js';

export interface BlobAnswer {
  path: string;
  contentType: string;
  filename: string;
  etag?: string;
  headers?: Record<string, string>;
}

export async function serveBlob(
  req: IncomingMessage,
  res: ServerResponse,
  blob: BlobAnswer,
): Promise<void> {
  const { size } = await stat(blob.path);
  res.writeHead(200, {
    ...blob.headers,
    'content-type': blob.contentType,
    'content-length': String(size),
    'content-disposition': contentDisposition(blob.filename),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    ...(blob.etag === undefined ? {} : { etag: `"${blob.etag}"` }),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(blob.path);
    stream.once('error', () => {
      res.destroy();
      resolve();
    });
    res.once('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/**
 * A signed download URL: the signature is the only credential (no API key), then the bytes of
 * whatever `lookup` finds for the id, or 404 when it finds nothing (deleted, not completed).
 */
export async function serveSignedDownload(
  ctx: Pick<BaseContext, 'signer' | 'now'>,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  query: URLSearchParams,
  lookup: (id: string) => BlobAnswer | undefined,
): Promise<void> {
  verifySignedUrl(ctx, 'download', id, query);
  const blob = lookup(id);
  if (!blob) throw new ApiError(404, 'file_not_found', `No downloadable file with id ${id}.`);
  await serveBlob(req, res, blob);
}
