/**
 * Lightfield's Files routes (API contract §1): JSON bodies, a presigned PUT that never passes
 * through the proxy, offset paging capped at 25.
 */
import {
  MAX_LIST_LIMIT,
  MAX_SIZE_BYTES,
  MD5_PATTERN,
  PURPOSES,
} from '../../core/lightfield/constants.js';
import { isRefusal } from '../errors.js';
import { intIn, mimeType, oneOf, text } from './checks.js';
import { asObject, idField, invalid, missing, onlyKeys } from './json-fields.js';
import type { JsonObject, RouteSpec, ServiceSpec } from './types.js';

const MAX_OFFSET = 1_000_000_000;

function parseCreate(raw: unknown) {
  const body = asObject(raw);
  if (isRefusal(body)) return body;
  const unknown = onlyKeys(body, ['filename', 'mimeType', 'sizeBytes', 'purpose']);
  if (unknown) return unknown;
  const { filename, mimeType: type, sizeBytes, purpose } = body;
  if (filename === undefined) return missing('filename');
  if (type === undefined) return missing('mimeType');
  if (sizeBytes === undefined) return missing('sizeBytes');
  if (typeof filename !== 'string') return invalid('filename', 'must be a string');
  const nameProblem = text(255)(filename);
  if (nameProblem) return invalid('filename', nameProblem);
  if (typeof type !== 'string' || mimeType(type)) return invalid('mimeType', 'must be a MIME type');
  if (
    typeof sizeBytes !== 'number' ||
    !Number.isInteger(sizeBytes) ||
    sizeBytes < 1 ||
    sizeBytes > MAX_SIZE_BYTES
  )
    return invalid('sizeBytes', `must be an integer from 1 to ${MAX_SIZE_BYTES}`);
  if (purpose !== undefined && (typeof purpose !== 'string' || oneOf(PURPOSES)(purpose)))
    return invalid('purpose', `must be one of ${PURPOSES.join(', ')}`);
  const rebuilt: JsonObject = { filename, mimeType: type, sizeBytes };
  if (purpose !== undefined) rebuilt.purpose = purpose;
  return rebuilt;
}

function parseComplete(raw: unknown) {
  const body = asObject(raw);
  if (isRefusal(body)) return body;
  const unknown = onlyKeys(body, ['md5']);
  if (unknown) return unknown;
  if (body.md5 === undefined) return {};
  if (typeof body.md5 !== 'string' || !MD5_PATTERN.test(body.md5))
    return invalid('md5', 'must be 32 lower-case hex characters');
  return { md5: body.md5 };
}

function parseCancel(raw: unknown) {
  const body = asObject(raw);
  if (isRefusal(body)) return body;
  return onlyKeys(body, []) ?? {};
}

const FILES = ['v1', 'files'] as const;
const FILE = [...FILES, ':id'] as const;

const routes: RouteSpec[] = [
  {
    operation: 'create',
    method: 'POST',
    path: FILES,
    category: 'write',
    access: 'create',
    query: {},
    body: { kind: 'json', optional: false, parse: parseCreate },
  },
  {
    operation: 'complete',
    method: 'POST',
    path: [...FILE, 'complete'],
    category: 'write',
    access: 'owned',
    query: {},
    body: { kind: 'json', optional: true, parse: parseComplete },
  },
  {
    operation: 'cancel',
    method: 'POST',
    path: [...FILE, 'cancel'],
    category: 'write',
    access: 'owned',
    query: {},
    body: { kind: 'json', optional: true, parse: parseCancel },
  },
  {
    operation: 'retrieve',
    method: 'GET',
    path: FILE,
    category: 'read',
    access: 'owned',
    query: {},
    body: { kind: 'none' },
  },
  {
    operation: 'list',
    method: 'GET',
    path: FILES,
    category: 'search',
    access: 'list',
    query: {
      offset: { check: intIn(0, MAX_OFFSET) },
      limit: { check: intIn(1, MAX_LIST_LIMIT) },
    },
    body: { kind: 'none' },
  },
  {
    operation: 'url',
    method: 'GET',
    path: [...FILE, 'url'],
    category: 'read',
    access: 'owned',
    query: {},
    body: { kind: 'none' },
  },
];

export const lightfield: ServiceSpec = {
  api: 'lightfield',
  defaultUpstream: 'https://api.lightfield.app',
  idPattern: /^fil_[A-Za-z0-9_-]{1,64}$/,
  routes,
  ownList: {
    page(query) {
      return {
        offset: Number(query.get('offset') ?? 0),
        limit: Number(query.get('limit') ?? MAX_LIST_LIMIT),
        order: 'desc',
      };
    },
    render: (items, _page, total) => ({ object: 'list', data: items, totalCount: total }),
  },
  createdId: (answer) => idField(answer, 'id'),
  adminOnly: (fields) => fields.purpose === 'knowledge_workspace',
  undo: { method: 'POST', path: (id) => `/v1/files/${id}/cancel`, body: '{}' },
};
