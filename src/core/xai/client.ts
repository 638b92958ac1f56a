/**
 * `createXaiClient`: xAI's Files API (`/v1/files`) through the shared HTTP layer. xAI keys are
 * secret and its API documents no browser CORS, so in a browser `baseURL` is the app's own proxy
 * route. This is the light half; the working half (axios, zod) loads with `import()`.
 */
import { resolveHttpOptions, trimBase } from '../http/options.js';
import { lazily } from '../lazy.js';
import { createXaiBackend } from './backend.js';
import { xaiPurposeRules } from './rules.js';
import type { XaiClient, XaiClientOptions, XaiFiles } from './types.js';

export type {
  XaiClient,
  XaiClientOptions,
  XaiFilePage,
  XaiFiles,
  XaiListParams,
  XaiTokenParam,
  XaiUploadParams,
} from './types.js';
export { xaiPurposeRules } from './rules.js';

export function createXaiClient(options: XaiClientOptions): XaiClient {
  const resolved = Object.freeze(resolveHttpOptions(options));
  const transport = lazily(async () =>
    (await import('./transport.js')).createXaiTransport(options, resolved),
  );
  if (typeof window !== 'undefined') transport().catch(() => undefined);

  const files: XaiFiles = {
    upload: async (file, params, opts) => (await transport()).upload(file, params, opts),
    list: async (params, opts) => (await transport()).list(params, opts),
    retrieve: async (id, opts) => (await transport()).retrieve(id, opts),
    delete: async (id, opts) => (await transport()).delete(id, opts),
    content: async (id, opts) => (await transport()).content(id, opts),
  };
  return {
    files,
    backend: createXaiBackend(files, `xai ${trimBase(resolved.baseURL)}`),
    rules: xaiPurposeRules,
    options: resolved,
  };
}
