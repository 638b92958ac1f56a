/**
 * Starts one reference server for the browser project, on an ephemeral loopback port, with the
 * control endpoint on and rate limiting off. Tests read its URL with `inject('serverUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { createDevServer } from '../../src/server/index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await createDevServer({ port: 0, control: true, rateLimit: false });
  project.provide('serverUrl', server.url);
  return () => server.close();
}
