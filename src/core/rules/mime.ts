/**
 * MIME types from file names, and the short labels the help text uses.
 *
 * Why no `mime` package: filedock needs extension ↔ type only for the types its rules name and
 * the common ones people upload, so a small hand-written table (./mime-table.ts) serves bundle
 * size better than `mime/lite` and its standard table (~4 kB gzip of a 22 kB widget budget).
 */
import { EXTENSIONS_BY_TYPE, TYPE_BY_EXTENSION } from './mime-table.js';

/** Types that say nothing about the content: treated as "unknown". */
export const GENERIC_MIME_TYPES: ReadonlySet<string> = new Set([
  '',
  'application/octet-stream',
  'application/unknown',
  'binary/octet-stream',
]);

export const OCTET_STREAM = 'application/octet-stream';

/** The last extension of a file name, lower-case, without the dot; `''` when there is none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The type a file name implies, or `undefined` when the extension is missing or unknown. */
export function mimeTypeFromName(name: string): string | undefined {
  const ext = extensionOf(name);
  if (!ext) return undefined;
  const type = TYPE_BY_EXTENSION.get(ext);
  // The table lists `.bin`, `.iso`, … as octet-stream; that is no information.
  return type && !GENERIC_MIME_TYPES.has(type) ? type : undefined;
}

/** Every extension (with the dot) a type is known by; `[]` when none. */
export function extensionsFor(mimeType: string): string[] {
  return (EXTENSIONS_BY_TYPE.get(mimeType.toLowerCase()) ?? []).map((ext) => `.${ext}`);
}

/** Strips parameters (`text/plain; charset=utf-8` → `text/plain`) and lower-cases. */
export function normalizeMimeType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * What the browser and the name claim, before looking at the bytes: a specific `file.type`
 * wins, else the extension; `undefined` when neither says anything.
 */
export function claimedMimeType(file: Pick<File, 'name' | 'type'>): string | undefined {
  const declared = normalizeMimeType(file.type);
  if (!GENERIC_MIME_TYPES.has(declared)) return declared;
  return mimeTypeFromName(file.name);
}

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'plain text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV',
  'text/html': 'HTML',
  'text/vtt': 'WebVTT',
  'application/x-subrip': 'SubRip',
  'application/json': 'JSON',
  'application/msword': 'Word 97–2003',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
};

/** A short human name for a type: a known label, else its main extension in capitals, else the type. */
export function labelForMimeType(mimeType: string): string {
  // `hasOwn`: a type such as `constructor` must not find Object.prototype's members.
  const label = Object.hasOwn(LABELS, mimeType) ? LABELS[mimeType] : undefined;
  if (label !== undefined) return label;
  const ext = EXTENSIONS_BY_TYPE.get(normalizeMimeType(mimeType))?.[0];
  return ext ? ext.toUpperCase() : mimeType;
}
