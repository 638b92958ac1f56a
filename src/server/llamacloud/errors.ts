/**
 * LlamaCloud's error format (FastAPI): `{detail: "message"}`, and for a 422 the validation list
 * `{detail: [{type, loc, msg}]}` where `loc` says where the blamed input sits
 * (`["query", "page_size"]`, `["body", "purpose"]`). `type` is the server's stable code.
 */
import type { ErrorRenderer } from '../errors.js';

export const renderLlamaCloudError: ErrorRenderer = (error) => {
  if (error.status !== 422) return { detail: error.message };
  const loc = [error.extra.location ?? 'body', ...(error.param === undefined ? [] : [error.param])];
  return { detail: [{ type: error.code, loc, msg: error.message }] };
};
