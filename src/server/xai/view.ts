/**
 * What the xAI server keeps about a file, and its two documented wire shapes: the
 * OpenAI-compatible one (`{id, object: 'file', bytes, created_at, …}`, unix seconds) and the
 * management one of the seed (`{file_id, name, size_bytes: "123", …}`, strings).
 */
import type { XaiShape } from '../options.js';

export interface XaiFile {
  id: string;
  seq: number;
  filename: string;
  contentType: string;
  bytes: number;
  md5: string;
  /** As sent; null when none was (answered as the conventional "assistants"). */
  purpose: string | null;
  createdAtMs: number;
  /** Epoch ms when `expires_after` was sent, else null. */
  expiresAtMs: number | null;
}

/** The purpose xAI's docs call the conventional choice, answered when none was sent. */
export const DEFAULT_PURPOSE = 'assistants';

const seconds = (ms: number): number => Math.floor(ms / 1000);
const iso = (ms: number): string => new Date(ms).toISOString();

export function isExpired(file: XaiFile, nowMs: number): boolean {
  return file.expiresAtMs !== null && nowMs >= file.expiresAtMs;
}

export function toWire(file: XaiFile, shape: XaiShape): Record<string, unknown> {
  if (shape === 'management')
    return {
      file_id: file.id,
      name: file.filename,
      size_bytes: String(file.bytes),
      content_type: file.contentType,
      created_at: iso(file.createdAtMs),
      ...(file.expiresAtMs === null ? {} : { expires_at: iso(file.expiresAtMs) }),
      upload_status: 'Complete',
    };
  return {
    id: file.id,
    object: 'file',
    bytes: file.bytes,
    created_at: seconds(file.createdAtMs),
    expires_at: file.expiresAtMs === null ? null : seconds(file.expiresAtMs),
    filename: file.filename,
    purpose: file.purpose ?? DEFAULT_PURPOSE,
  };
}

export function listWire(
  files: XaiFile[],
  next: string | undefined,
  shape: XaiShape,
): Record<string, unknown> {
  const items = files.map((f) => toWire(f, shape));
  if (shape === 'management')
    return { files: items, ...(next === undefined ? {} : { next_token: next }) };
  return { data: items, ...(next === undefined ? {} : { pagination_token: next }) };
}

/** The name of the token parameter (and answer key) of each shape. */
export function tokenParam(shape: XaiShape): string {
  return shape === 'management' ? 'next_token' : 'pagination_token';
}
