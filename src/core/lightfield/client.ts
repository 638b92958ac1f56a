/**
 * The typed Lightfield Files API client. Every answer is parsed by a schema, every failure is a
 * FiledockError with a stable code, and transient failures are retried the way the official
 * SDKs do it. It sends only what the app gives it: no Authorization unless `headers` supplies one.
 *
 * This module is the light half: options and a facade. The working half (axios, retries,
 * schemas) is `transport.ts`, loaded with `import()` when the client is created in a browser and
 * awaited by the first call, so it never weighs on an app's initial bundle.
 */
import { resolveHttpOptions, trimBase } from '../http/options.js';
import { lazily } from '../lazy.js';
import { defaultPurposeRules } from '../rules/purposes.js';
import { createLightfieldBackend } from './backend.js';
import { DEFAULT_API_VERSION } from './constants.js';
import type {
  LightfieldClient,
  LightfieldClientOptions,
  LightfieldFiles,
  ResolvedClientOptions,
} from './types.js';

export type {
  HeadersOption,
  LightfieldClient,
  LightfieldClientOptions,
  LightfieldFiles,
  ResolvedClientOptions,
} from './types.js';

export function createLightfieldClient(options: LightfieldClientOptions): LightfieldClient {
  const resolved: ResolvedClientOptions = Object.freeze({
    ...resolveHttpOptions(options),
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
  });
  const transport = lazily(async () =>
    (await import('./transport.js')).createFilesTransport(options, resolved),
  );
  // In a browser, start fetching the working half now, while the page renders, so the first call
  // rarely waits for it. A failure here is retried by that call and must not surface on its own.
  if (typeof window !== 'undefined') transport().catch(() => undefined);

  // Every method is async so that bad input rejects the promise instead of throwing in the caller.
  const files: LightfieldFiles = {
    create: async (params, opts) => (await transport()).create(params, opts),
    complete: async (id, params, opts) => (await transport()).complete(id, params, opts),
    cancel: async (id, opts) => (await transport()).cancel(id, opts),
    retrieve: async (id, opts) => (await transport()).retrieve(id, opts),
    list: async (params, opts) => (await transport()).list(params, opts),
    url: async (id, opts) => (await transport()).url(id, opts),
  };

  return {
    files,
    backend: createLightfieldBackend(files, `lightfield ${trimBase(resolved.baseURL)}`),
    rules: defaultPurposeRules,
    options: resolved,
  };
}
