/**
 * Starts the reference servers for the browser project, on ephemeral loopback ports, with the
 * control endpoint on and rate limiting off: Lightfield (`inject('serverUrl')`, as before) and
 * all three by API name (`inject('serverUrls')`).
 */
import type { TestProject } from 'vitest/node';
import { type ApiName, createDevServer, type DevServer } from '../../src/server/index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: DevServer[] = [];
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    for (const api of ['lightfield', 'llamacloud', 'xai'] as const satisfies readonly ApiName[]) {
      servers.push(await createDevServer({ api, port: 0, control: true, rateLimit: false }));
    }
  } catch (error) {
    await close();
    throw error;
  }
  const urls = Object.fromEntries(servers.map((server) => [server.api, server.url])) as Record<
    ApiName,
    string
  >;
  project.provide('serverUrl', urls.lightfield);
  project.provide('serverUrls', urls);
  return close;
}
