/**
 * Either xAI answer shape as a RemoteFile. Part of the working half (it reads parsed answers).
 */
import type { RemoteFile, RemoteFileStatus } from '../backend.js';
import { invalidResponse } from '../http/parse.js';
import type { XaiFile } from './schemas.js';

const STATUS: Record<string, RemoteFileStatus> = {
  Initializing: 'PENDING',
  Uploading: 'PENDING',
  Complete: 'COMPLETED',
  Failed: 'FAILED',
};

/** A timestamp in unix seconds (a number, or digits in a string) or an ISO-8601 string. */
function isoOf(value: number | string, field: string, what: string): string {
  const ms =
    typeof value === 'number' || /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) throw invalidResponse(`field "${field}" is not a time`, { what });
  return new Date(ms).toISOString();
}

export function toRemoteFile(file: XaiFile, what: string): RemoteFile {
  if ('file_id' in file) {
    const status = file.upload_status ? STATUS[file.upload_status] : 'COMPLETED';
    if (!status) throw invalidResponse(`field "upload_status" has an unexpected value`, { what });
    return {
      id: file.file_id,
      filename: file.name,
      status,
      sizeBytes: Number(file.size_bytes),
      ...(file.content_type ? { mimeType: file.content_type } : {}),
      createdAt: isoOf(file.created_at, 'created_at', what),
      expiresAt: file.expires_at ? isoOf(file.expires_at, 'expires_at', what) : null,
    };
  }
  return {
    id: file.id,
    filename: file.filename,
    status: 'COMPLETED',
    sizeBytes: file.bytes,
    createdAt: isoOf(file.created_at, 'created_at', what),
    expiresAt:
      file.expires_at === undefined || file.expires_at === null
        ? null
        : isoOf(file.expires_at, 'expires_at', what),
  };
}
