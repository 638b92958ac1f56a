/**
 * `createLlamaCloudClient`: LlamaCloud's Files API (`/api/v1/beta/files`) through the shared
 * HTTP layer. LlamaCloud keys are secret and its API documents no browser CORS, so in a browser
 * `baseURL` is the app's own proxy route. This is the light half; the working half (axios, zod)
 * loads with `import()` on first use.
 */
import { resolveHttpOptions, trimBase } from '../http/options.js';
import { lazily } from '../lazy.js';
import { createLlamaCloudBackend } from './backend.js';
import { llamaCloudPurposeRules } from './rules.js';
import type {
  LlamaCloudClient,
  LlamaCloudClientOptions,
  LlamaCloudFiles,
  ResolvedLlamaCloudOptions,
} from './types.js';

export type {
  LlamaCloudClient,
  LlamaCloudClientOptions,
  LlamaCloudFile,
  LlamaCloudFileList,
  LlamaCloudFiles,
  LlamaCloudListParams,
  LlamaCloudPresignedUrl,
  LlamaCloudUploadParams,
  ResolvedLlamaCloudOptions,
} from './types.js';
export { llamaCloudPurposeRules } from './rules.js';
export { LLAMACLOUD_PURPOSES, type LlamaCloudPurpose } from './constants.js';

export function createLlamaCloudClient(options: LlamaCloudClientOptions): LlamaCloudClient {
  const resolved: ResolvedLlamaCloudOptions = Object.freeze({
    ...resolveHttpOptions(options),
    projectId: options.projectId,
    organizationId: options.organizationId,
  });
  const transport = lazily(async () =>
    (await import('./transport.js')).createLlamaCloudTransport(options, resolved),
  );
  if (typeof window !== 'undefined') transport().catch(() => undefined);

  const files: LlamaCloudFiles = {
    upload: async (file, params, opts) => (await transport()).upload(file, params, opts),
    list: async (params, opts) => (await transport()).list(params, opts),
    retrieve: async (id, opts) => (await transport()).retrieve(id, opts),
    delete: async (id, opts) => (await transport()).delete(id, opts),
    content: async (id, opts) => (await transport()).content(id, opts),
  };
  const project = resolved.projectId === undefined ? '' : ` project ${resolved.projectId}`;
  return {
    files,
    backend: createLlamaCloudBackend(files, `llamacloud ${trimBase(resolved.baseURL)}${project}`),
    rules: llamaCloudPurposeRules,
    options: resolved,
  };
}
