/**
 * The reference server the browser project's global setup starts (`inject('serverUrl')`), and
 * its `/_control` side door: reset, request log, config, seeding.
 */
import { inject } from 'vitest';
import { sessionOf } from '../../support/fake-backend.js';
import { createLightfieldClient } from '../../../src/core/lightfield/client.js';
import type { FileObject } from '../../../src/core/lightfield/schemas.js';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

export interface LoggedRequest {
  method: string;
  route: string | null;
  path: string;
  status: number;
}

export function serverUrl(): string {
  return inject('serverUrl');
}

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${serverUrl()}/_control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`/_control/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const resetServer = () => control('reset', {});
export const setServerConfig = (patch: Record<string, unknown>) => control('config', patch);
export const serverRequests = () =>
  control<{ requests: LoggedRequest[] }>('requests').then((r) => r.requests);

export function makeClient() {
  return createLightfieldClient({
    baseURL: serverUrl(),
    headers: { Authorization: 'Bearer sk_test' },
  });
}

/** COMPLETED files made through the API itself (create → PUT → complete), rate limit off meanwhile. */
export async function seedFiles(count: number): Promise<FileObject[]> {
  await setServerConfig({ rateLimit: false });
  const { files: api, backend } = makeClient();
  const files: FileObject[] = [];
  for (let i = 0; i < count; i += 1) {
    const body = new Blob([`seed file ${i}\n`], { type: 'text/plain' });
    const filename = `seed-${String(i).padStart(2, '0')}.txt`;
    const session = await api.create({
      filename,
      mimeType: 'text/plain',
      sizeBytes: body.size,
    });
    await sessionOf(backend).put(session, body);
    files.push(await api.complete(session.id));
  }
  return files;
}
