/** Multipart bodies for tests: FormData for the ordinary case, raw bytes for the malformed ones. */
export function form(
  fields: Record<string, string>,
  file: { name: string; type?: string; data: string | Uint8Array<ArrayBuffer> },
): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(fields)) fd.append(name, value);
  fd.append('file', new Blob([file.data], { type: file.type ?? 'text/plain' }), file.name);
  return fd;
}

export const BOUNDARY = 'testboundary123';
export const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

export interface RawPart {
  headers: readonly string[];
  body: string;
}

/** A hand-written multipart body, for shapes FormData never produces. */
export function rawMultipart(parts: RawPart[], closing = true): string {
  const body = parts
    .map((p) => `--${BOUNDARY}\r\n${p.headers.join('\r\n')}\r\n\r\n${p.body}\r\n`)
    .join('');
  return closing ? `${body}--${BOUNDARY}--\r\n` : body;
}

export const field = (name: string, value: string): RawPart => ({
  headers: [`Content-Disposition: form-data; name="${name}"`],
  body: value,
});

export const filePart = (name: string, body: string, type = 'text/plain'): RawPart => ({
  headers: [
    `Content-Disposition: form-data; name="file"; filename="${name}"`,
    `Content-Type: ${type}`,
  ],
  body,
});
