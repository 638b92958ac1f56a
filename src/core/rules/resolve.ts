/**
 * The one MIME type an upload is created with: what the browser or the name claims, checked
 * against what the first bytes prove.
 *
 * Decision table (documented in `resolveMimeType`):
 * - bytes carry a known signature that agrees with the claim (or the claim is a type stored in
 *   the same container, e.g. `.xlsx` in a ZIP) → the claim;
 * - bytes carry a known signature that disagrees → the signature (the name lies);
 * - no signature → the claim; with no claim, UTF-8 text without NULs → `text/plain`, else
 *   `application/octet-stream`.
 */
import { claimedMimeType, OCTET_STREAM } from './mime.js';
import {
  detectSignature,
  looksLikeUtf8Text,
  mimeTypeFromBytes,
  SNIFF_BYTES,
  ZIP_SCAN_BYTES,
} from './sniff.js';
import { extensionOf } from './mime.js';

const ZIP_CONTAINED =
  /^application\/(zip|epub\+zip|java-archive|vnd\.openxmlformats-officedocument\..+|vnd\.oasis\.opendocument\..+)$/;
const OLE2_CONTAINED =
  /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|vnd\.ms-outlook|x-ole-storage)$/;

async function readBytes(blob: Blob, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, end).arrayBuffer());
}

/** Picks between the claim and the sniffed evidence; pure, so it is tested as a table. */
export function decideMimeType(
  claimed: string | undefined,
  head: Uint8Array,
  name: string,
  truncated: boolean,
  zipBytes?: Uint8Array,
): string {
  const signature = detectSignature(head);
  if (signature !== undefined) {
    if (signature === 'zip' && claimed && ZIP_CONTAINED.test(claimed)) return claimed;
    if (signature === 'ole2' && claimed && OLE2_CONTAINED.test(claimed)) return claimed;
    return mimeTypeFromBytes(name, head, zipBytes) ?? claimed ?? OCTET_STREAM;
  }
  if (claimed) return claimed;
  return looksLikeUtf8Text(head, truncated) ? 'text/plain' : OCTET_STREAM;
}

/**
 * Resolves the type to create the upload with, reading at most the first 1 KiB (16 KiB for an
 * extensionless ZIP, to find Office part names). Never reads the whole file.
 */
export function resolveMimeType(file: File): Promise<string> {
  return resolveFrom(file, (end) => readBytes(file, end));
}

/** `resolveMimeType` over the file's bytes, already read whole (a small file's MD5 needs them). */
export function mimeTypeOfBytes(file: File, bytes: Uint8Array): Promise<string> {
  return resolveFrom(file, (end) => bytes.subarray(0, end));
}

async function resolveFrom(
  file: File,
  read: (end: number) => Uint8Array | Promise<Uint8Array>,
): Promise<string> {
  const claimed = claimedMimeType(file);
  if (file.size === 0) return claimed ?? OCTET_STREAM;
  const head = await read(SNIFF_BYTES);
  const truncated = file.size > head.length;
  let zipBytes: Uint8Array | undefined;
  if (
    detectSignature(head) === 'zip' &&
    !claimed &&
    !['docx', 'xlsx', 'pptx'].includes(extensionOf(file.name))
  ) {
    zipBytes = await read(ZIP_SCAN_BYTES);
  }
  return decideMimeType(claimed, head, file.name, truncated, zipBytes);
}
