import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlamaCloudClient } from '../../../src/core/llamacloud/client.js';
import type { DevServer } from '../../../src/server/index.js';
import { directOf } from '../../support/fake-backend.js';
import { AUTH, startService } from '../../support/services.js';
import { rejection } from './harness.js';

let server: DevServer;
beforeAll(async () => {
  server = await startService('llamacloud');
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = (options: { projectId?: string; organizationId?: string } = {}) =>
  createLlamaCloudClient({ baseURL: server.url, headers: AUTH, retryBaseDelayMs: 10, ...options });
const api = () => server.requests().filter((entry) => entry.path.startsWith('/api/'));
const pdf = (name = 'report.pdf', text = '%PDF-1.7 hello') =>
  new File([text], name, { type: 'application/pdf' });

describe('createLlamaCloudClient', () => {
  it('uploads one multipart request (purpose user_data by default) and answers without size or dates', async () => {
    const { backend } = client();
    const progress: number[] = [];
    const file = pdf();
    const stored = await directOf(backend).upload(
      file,
      { filename: file.name, mimeType: file.type, sizeBytes: file.size },
      { onProgress: ({ loaded }) => progress.push(loaded) },
    );
    expect(stored).toEqual({ id: expect.any(String), filename: 'report.pdf', status: 'COMPLETED' });
    expect(progress.at(-1)).toBe(file.size);
    const [upload] = api();
    expect(upload).toMatchObject({ method: 'POST', path: '/api/v1/beta/files', status: 200 });
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    // Only what LlamaCloud documents: no other service's headers, no idempotency key.
    expect(upload?.headers).not.toHaveProperty('lightfield-version');
    expect(upload?.headers).not.toHaveProperty('idempotency-key');
    await expect(client().files.retrieve(stored.id)).resolves.toMatchObject({
      purpose: 'user_data',
      name: 'report.pdf',
    });
  });

  it('sends project_id and organization_id as query parameters when given, and scopes its keys by project', async () => {
    const projectId = '8a3a5f0e-1d7b-4c6a-9d55-3f2b9e1c0a11';
    const { backend, files } = client({ projectId });
    expect(backend.scope).toBe(`llamacloud ${server.url} project ${projectId}`);
    await directOf(backend).upload(pdf(), {
      filename: 'report.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 14,
      purpose: 'parse',
    });
    await files.list({ pageSize: 5 });
    expect(api().map((entry) => entry.path)).toEqual([
      `/api/v1/beta/files?project_id=${projectId}`,
      `/api/v1/beta/files?page_size=5&project_id=${projectId}`,
    ]);
    // Another project sees none of it.
    await expect(client().files.list()).resolves.toMatchObject({ items: [] });
  });

  it('refuses an unknown purpose before sending anything', async () => {
    const error = await rejection(
      directOf(client().backend).upload(pdf(), {
        filename: 'report.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 14,
        purpose: 'knowledge_user',
      }),
    );
    expect(error).toMatchObject({ code: 'bad_request', param: 'purpose', status: undefined });
    expect(api()).toEqual([]);
  });

  it('retrieves, gives a presigned URL that serves the bytes, and deletes (204)', async () => {
    const { backend } = client();
    const stored = await directOf(backend).upload(pdf('a.pdf', '%PDF-1.7 abc'), {
      filename: 'a.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 12,
    });
    await expect(backend.retrieve(stored.id)).resolves.toEqual(stored);
    const link = await backend.downloadUrl!(stored.id);
    expect(Date.parse(link.expiresAt ?? '')).toBeGreaterThan(Date.now());
    await expect((await fetch(link.url)).text()).resolves.toBe('%PDF-1.7 abc');
    await backend.delete!(stored.id);
    await expect(rejection(backend.retrieve(stored.id))).resolves.toMatchObject({
      code: 'not_found',
      status: 404,
    });
    expect(backend.download).toBeUndefined();
    expect(backend.cancel).toBeUndefined();
  });

  it("reads FastAPI's 422 detail list into message and param", async () => {
    const error = await rejection(client().files.list({ pageToken: 'not-a-token' }));
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.message).not.toMatch(/failed with HTTP/);
  });
});
