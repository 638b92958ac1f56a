/**
 * Content sniffing: what the first bytes of a file say it is.
 *
 * Only signatures that cannot be mistaken are recognised (PDF, ZIP, PNG, JPEG, GIF, OLE2,
 * Windows executables); everything else is "unknown" and the claimed type stands — except
 * extensionless files whose bytes are valid UTF-8 without NULs, which read as text/plain.
 */
import { extensionOf } from './mime.js';

/** How many bytes are read to sniff: enough for every signature and a fair text check. */
export const SNIFF_BYTES = 1024;
/** How far into a ZIP we look for Office part names when the extension does not say. */
export const ZIP_SCAN_BYTES = 16 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const OFFICE_OPEN_XML_TYPES: readonly string[] = [DOCX, XLSX, PPTX];
const ZIP_BY_EXTENSION: Record<string, string> = { docx: DOCX, xlsx: XLSX, pptx: PPTX };
const OLE2_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export type Signature = 'pdf' | 'zip' | 'png' | 'jpeg' | 'gif' | 'ole2' | 'exe';

const SIGNATURES: ReadonlyArray<readonly [Signature, readonly number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // PK\x03\x04
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['exe', [0x4d, 0x5a]], // MZ
];

export function detectSignature(bytes: Uint8Array): Signature | undefined {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((byte, i) => bytes[i] === byte)) return name;
  }
  return undefined;
}

/**
 * Whether the bytes read as UTF-8 text: no NUL, no invalid sequence. A multi-byte character cut
 * by the end of the sample is allowed when `truncated` (we only read the start of the file).
 */
export function looksLikeUtf8Text(bytes: Uint8Array, truncated: boolean): boolean {
  if (bytes.length === 0) return false;
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    if (!truncated) return false;
    // Drop up to 3 trailing bytes of a possibly cut character and try again.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
        return true;
      } catch {
        /* try a shorter cut */
      }
    }
    return false;
  }
}

/** Office Open XML files name their parts `word/…`, `xl/…`, `ppt/…` in the ZIP's local headers. */
export function officeTypeFromZipBytes(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('word/')) return DOCX;
  if (text.includes('xl/')) return XLSX;
  if (text.includes('ppt/')) return PPTX;
  return undefined;
}

const SIGNATURE_TYPES: Record<Exclude<Signature, 'zip' | 'ole2'>, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  exe: 'application/vnd.microsoft.portable-executable',
};

/**
 * The type the bytes prove, or `undefined` when they prove nothing. ZIP and OLE2 are containers:
 * the extension (or, for ZIP, the part names in `zipBytes`) picks the Office type inside.
 */
export function mimeTypeFromBytes(
  name: string,
  head: Uint8Array,
  zipBytes?: Uint8Array,
): string | undefined {
  const signature = detectSignature(head);
  if (signature === undefined) return undefined;
  const ext = extensionOf(name);
  if (signature === 'zip') {
    return ZIP_BY_EXTENSION[ext] ?? officeTypeFromZipBytes(zipBytes ?? head) ?? 'application/zip';
  }
  if (signature === 'ole2') return OLE2_BY_EXTENSION[ext] ?? 'application/x-ole-storage';
  return SIGNATURE_TYPES[signature];
}
