/**
 * Streams a Blob through a hasher in `Blob.slice` chunks, reading the next chunk while the
 * current one is hashed (hash-wasm's `update` is synchronous, so the read overlaps it). At most
 * two chunks are in memory at a time; the whole file never is.
 * Shared by the Worker and the main-thread fallback.
 */
import { FiledockError } from '../errors.js';

/** 8 MiB: measured in Chromium, 4–16 MiB chunks with read-ahead give the best throughput. */
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

export interface ChunkHasher {
  update(data: Uint8Array): unknown;
  digest(outputType: 'hex'): string;
}

export interface StreamHashOptions {
  /** @default 8 MiB */
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
}

export function abortedError(): FiledockError {
  return new FiledockError({ code: 'aborted', message: 'The checksum was cancelled.' });
}

export async function hashBlobChunks(blob: Blob, hasher: ChunkHasher, options: StreamHashOptions = {}): Promise<string> {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const total = blob.size;
  const read = (start: number): Promise<ArrayBuffer> => blob.slice(start, Math.min(start + chunkSize, total)).arrayBuffer();
  let offset = 0;
  let next: Promise<ArrayBuffer> | undefined = total > 0 ? read(0) : undefined;
  while (next) {
    const buffer: ArrayBuffer = await next;
    offset += buffer.byteLength;
    if (buffer.byteLength === 0 && offset < total) throw new Error('The file became shorter while it was read.');
    next = offset < total ? read(offset) : undefined;
    if (options.signal?.aborted) {
      // The pending read's outcome no longer matters; keep it from becoming unhandled.
      next?.catch(() => undefined);
      throw abortedError();
    }
    hasher.update(new Uint8Array(buffer));
    options.onProgress?.(offset, total);
  }
  return hasher.digest('hex');
}
