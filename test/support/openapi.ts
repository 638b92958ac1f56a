/**
 * Validates requests and answers against Lightfield's published OpenAPI 3.1 description
 * (test/support/lightfield-openapi-files.json, a copy of the outside oracle), with ajv's
 * JSON Schema 2020-12 dialect. Every helper throws an Error listing ajv's findings.
 *
 * Errors: the published schemas describe the object *inside* `{error: …}`; pass either form, a
 * wrapped body is unwrapped before validation.
 */
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const spec = require('./lightfield-openapi-files.json') as OpenApiDoc;

interface MediaObject {
  schema: object;
}
interface OperationObject {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, MediaObject> };
  responses: Record<string, { content?: Record<string, MediaObject> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, object> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** `file.create`, `file.list`, … or `{ path: '/v1/files/{id}', method: 'GET' }`. */
export type OperationRef = string | { path: string; method: HttpMethod | Lowercase<HttpMethod> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'lightfield', components: spec.components });

const compiled = new Map<string, ValidateFunction>();

/** Turn `#/components/...` refs into refs into the schema registered under `lightfield`. */
function rebase(schema: object): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"lightfield#/components/'),
  ) as object;
}

function compile(key: string, schema: object): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(rebase(schema));
    compiled.set(key, fn);
  }
  return fn;
}

/** A concrete path (`/v1/files/fil_1/url`) or a template (`/v1/files/{id}/url`) → the template. */
function templateFor(path: string): string | undefined {
  const clean = path.split('?')[0]!;
  if (spec.paths[clean]) return clean;
  for (const template of Object.keys(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(clean)) return template;
  }
  return undefined;
}

function findOperation(ref: OperationRef): { key: string; op: OperationObject } {
  if (typeof ref === 'string') {
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.operationId === ref) return { key: `${method} ${path}`, op };
      }
    }
    throw new Error(`openapi: no operation with id ${ref}`);
  }
  const template = templateFor(ref.path);
  const method = ref.method.toLowerCase();
  const op = template ? spec.paths[template]?.[method] : undefined;
  if (!template || !op) throw new Error(`openapi: no operation ${ref.method} ${ref.path}`);
  return { key: `${method} ${template}`, op };
}

function fail(what: string, fn: ValidateFunction, value: unknown): never {
  const details = ajv.errorsText(fn.errors, { separator: '; ' });
  throw new Error(
    `openapi: ${what} does not match the schema: ${details}\n${JSON.stringify(value)}`,
  );
}

/** Unwraps `{error: {...}}` so error answers validate against the published (unwrapped) schemas. */
export function unwrapError(body: unknown): unknown {
  if (body && typeof body === 'object' && 'error' in body) {
    const inner = (body as { error: unknown }).error;
    if (inner && typeof inner === 'object') return inner;
  }
  return body;
}

/**
 * Validates an answer body for an operation and status. Throws when the status is not documented
 * for the operation or the body does not match. Returns the body for chaining.
 */
export function validateResponse<T = unknown>(ref: OperationRef, status: number, body: T): T {
  const { key, op } = findOperation(ref);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`openapi: status ${status} is not documented for ${key}`);
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`openapi: ${key} ${status} has no JSON schema`);
  const value = status >= 400 ? unwrapError(body) : body;
  const fn = compile(`${key} ${status}`, schema);
  if (!fn(value)) fail(`${key} answer ${status}`, fn, value);
  return body;
}

/** Validates a JSON request body (`undefined` = no body) for `path` + `method`. */
export function validateRequestBody(
  path: string,
  method: HttpMethod | Lowercase<HttpMethod>,
  body: unknown,
): void {
  const { key, op } = findOperation({ path, method });
  const requestBody = op.requestBody;
  if (body === undefined) {
    if (requestBody?.required) throw new Error(`openapi: ${key} requires a body`);
    return;
  }
  const schema = requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`openapi: ${key} takes no JSON body`);
  const fn = compile(`${key} request`, schema);
  if (!fn(body)) fail(`${key} request body`, fn, body);
}

/** The operationId for a concrete request, e.g. (`GET`, `/v1/files/fil_1`) → `file.retrieve`. */
export function operationIdFor(method: HttpMethod | Lowercase<HttpMethod>, path: string): string {
  return findOperation({ path, method }).op.operationId;
}
