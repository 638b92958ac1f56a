/**
 * What the one-request uploads (LlamaCloud, xAI) share: the file part carries the name the app
 * chose and the type filedock resolved, and the request's progress is told in the file's bytes.
 */
import type { TransferProgress } from '../backend.js';

/** The file as a form part: its bytes (not copied), typed `mimeType`. */
export function filePart(file: Blob, mimeType: string): Blob {
  return file.type === mimeType ? file : file.slice(0, file.size, mimeType);
}

/**
 * The request body is the file plus the form's boundaries and fields; report it scaled to the
 * file's size, so 100 % means the whole request has left and `loaded` never passes `size`.
 */
export function fileProgress(
  size: number,
  onProgress: ((progress: TransferProgress) => void) | undefined,
): ((progress: TransferProgress) => void) | undefined {
  if (!onProgress) return undefined;
  return ({ loaded, total }) => {
    const scaled = total > 0 ? Math.round((loaded / total) * size) : 0;
    onProgress({ loaded: Math.min(size, Math.max(0, scaled)), total: size });
  };
}
