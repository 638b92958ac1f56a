/**
 * One reference server per service and a client for it, for Node tests: the three clients behind
 * one shape, so a scenario can run against each (see test/node/conformance).
 */
import { createLightfieldClient } from '../../src/core/lightfield/client.js';
import { createLlamaCloudClient } from '../../src/core/llamacloud/client.js';
import { createXaiClient } from '../../src/core/xai/client.js';
import type { FilesBackend } from '../../src/core/backend.js';
import { createDevServer, type DevServer, type DevServerOptions } from '../../src/server/index.js';

export type ServiceName = 'lightfield' | 'llamacloud' | 'xai';

export const AUTH = { Authorization: 'Bearer sk_test' };

export interface ClientOptions {
  baseURL: string;
  maxRetries?: number;
  timeoutMs?: number;
  retryBaseDelayMs?: number;
}

/** A client of `service` with test-friendly backoff, as an app would make it. */
export function clientFor(service: ServiceName, options: ClientOptions): { backend: FilesBackend } {
  const common = { headers: AUTH, retryBaseDelayMs: 10, ...options };
  if (service === 'llamacloud') return createLlamaCloudClient(common);
  if (service === 'xai') return createXaiClient(common);
  return createLightfieldClient(common);
}

export async function startService(
  service: ServiceName,
  options: DevServerOptions = {},
): Promise<DevServer> {
  return createDevServer({ api: service, port: 0, rateLimit: false, control: true, ...options });
}
