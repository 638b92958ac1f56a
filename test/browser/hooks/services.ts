/**
 * The three reference servers the browser project's global setup starts, one client factory per
 * service, and each server's `/_control` side door (reset, request log, config).
 */
import { inject } from 'vitest';
import {
  createLightfieldClient,
  createLlamaCloudClient,
  createXaiClient,
} from '../../../src/index.js';
import type { FilesClientLike } from '../../../src/react/context.js';

export type ServiceName = 'lightfield' | 'llamacloud' | 'xai';

export const SERVICES: readonly ServiceName[] = ['lightfield', 'llamacloud', 'xai'];

export function urlOf(service: ServiceName): string {
  return inject('serverUrls')[service];
}

export function clientOf(service: ServiceName): FilesClientLike {
  const options = { baseURL: urlOf(service), headers: { Authorization: 'Bearer sk_test' } };
  if (service === 'llamacloud') return createLlamaCloudClient(options);
  if (service === 'xai') return createXaiClient(options);
  return createLightfieldClient(options);
}

async function control<T>(service: ServiceName, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${urlOf(service)}/_control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`/_control/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface LoggedRequest {
  method: string;
  route: string | null;
  path: string;
  status: number;
}

export const resetService = (service: ServiceName) => control(service, 'reset', {});
export const requestsOf = (service: ServiceName) =>
  control<{ requests: LoggedRequest[] }>(service, 'requests').then((r) => r.requests);

/** Files stored through the client itself (one request each for LlamaCloud and xAI). */
export async function seed(
  service: ServiceName,
  count: number,
  name = (i: number) => `seed-${String(i).padStart(2, '0')}.txt`,
): Promise<{ id: string; filename: string; bytes: Uint8Array }[]> {
  await control(service, 'config', { rateLimit: false });
  const { backend } = clientOf(service);
  const made: { id: string; filename: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i += 1) {
    const filename = name(i);
    const bytes = new TextEncoder().encode(`seed file ${i}\n`);
    const file = new File([bytes], filename, { type: 'text/plain' });
    const params = { filename, mimeType: 'text/plain', sizeBytes: file.size };
    const { transfer } = backend;
    const stored =
      transfer.kind === 'direct'
        ? await transfer.upload(file, params)
        : await (async () => {
            const session = await transfer.create(params);
            await transfer.put(session, file);
            return transfer.complete(session.id, {});
          })();
    made.push({ id: stored.id, filename: stored.filename, bytes });
  }
  return made;
}
