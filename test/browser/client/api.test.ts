/** The API client from a real browser (XHR adapter, cross-origin with CORS). */
import { describe, expect, inject, it } from 'vitest';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';

const serverUrl = inject('serverUrl');
const client = createLightfieldClient({
  baseURL: serverUrl,
  headers: { Authorization: 'Bearer sk_lf_browser' },
  maxRetries: 0,
});

describe('the API client in a real browser', () => {
  it('creates and retrieves a session, parsed by the schemas', async () => {
    const session = await client.files.create({
      filename: 'x.csv',
      mimeType: 'text/csv',
      sizeBytes: 10,
    });
    expect(session.uploadUrl).toContain(serverUrl);
    await expect(client.files.retrieve(session.id)).resolves.toMatchObject({
      id: session.id,
      status: 'PENDING',
    });
  });

  it('reads the error body of a refusal across origins', async () => {
    await expect(client.files.retrieve('fil_nope')).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
      serverCode: 'file_not_found',
    });
  });

  it('aborts an API call → aborted', async () => {
    const controller = new AbortController();
    const pending = client.files.list(undefined, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});
