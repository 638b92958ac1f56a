/** Seeds the reference server from Node through filedock's own client, as a backend job would. */
import { createLightfieldClient, type FileObject } from '../../../src/core/index.js';
import { md5, type Payload } from './files.js';

export interface Seeded {
  file: FileObject;
  payload: Payload;
}

/** Creates, uploads and (unless `pending`) completes each payload, one after another. */
export async function seedFiles(
  apiUrl: string,
  payloads: Payload[],
  options: { pending?: (p: Payload) => boolean } = {},
): Promise<Seeded[]> {
  const client = createLightfieldClient({
    baseURL: apiUrl,
    headers: { Authorization: 'Bearer e2e-seed' },
  });
  const seeded: Seeded[] = [];
  for (const payload of payloads) {
    const session = await client.files.create({
      filename: payload.name,
      mimeType: payload.mimeType,
      sizeBytes: payload.buffer.length,
      purpose: 'email_attachment',
    });
    if (options.pending?.(payload)) {
      seeded.push({ file: session, payload });
      continue;
    }
    const put = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: new Uint8Array(payload.buffer),
    });
    if (!put.ok) throw new Error(`seeding ${payload.name}: PUT answered ${put.status}`);
    seeded.push({
      file: await client.files.complete(session.id, { md5: md5(payload.buffer) }),
      payload,
    });
  }
  return seeded;
}
