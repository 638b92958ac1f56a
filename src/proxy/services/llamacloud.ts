/**
 * LlamaCloud's Files routes (API contract §2): a multipart upload straight to the API, cursor
 * paging, delete, and a content route that answers a presigned URL.
 */
import { isRefusal, refuse } from '../errors.js';
import { GENERIC_ID, intIn, matches, oneOf, text, token } from './checks.js';
import { idField } from './json-fields.js';
import { ownCursor, offsetOf } from './own-cursor.js';
import type { QueryRule, RouteSpec, ServiceSpec } from './types.js';
import {
  LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES,
  LLAMACLOUD_MAX_PAGE_SIZE,
  LLAMACLOUD_MAX_SIZE_BYTES,
  LLAMACLOUD_PURPOSES,
} from '../../core/llamacloud/constants.js';

const UUIDISH = matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'an id');

/** Where the key's project and organisation are chosen; the proxy pins them (see options). */
const scopeQuery: Record<string, QueryRule> = {
  organization_id: { check: UUIDISH, serverSide: true },
  project_id: { check: UUIDISH, serverSide: true },
};

const FILES = ['api', 'v1', 'beta', 'files'] as const;
const FILE = [...FILES, ':id'] as const;
const none = { kind: 'none' } as const;

const ORDER_BY = ['name', 'id', 'created_at'].flatMap((f) => [f, `${f} asc`, `${f} desc`]);

const routes: RouteSpec[] = [
  {
    operation: 'upload',
    method: 'POST',
    path: FILES,
    category: 'write',
    access: 'create',
    query: scopeQuery,
    body: { kind: 'multipart' },
  },
  {
    operation: 'list',
    method: 'GET',
    path: FILES,
    category: 'search',
    access: 'list',
    query: {
      ...scopeQuery,
      page_size: { check: intIn(1, LLAMACLOUD_MAX_PAGE_SIZE) },
      page_token: { check: token() },
      file_name: { check: text(255), filter: true },
      file_ids: { check: UUIDISH, repeatable: true, filter: true },
      external_file_id: { check: text(255), filter: true },
      order_by: { check: oneOf(ORDER_BY) },
    },
    body: none,
  },
  {
    operation: 'retrieve',
    method: 'GET',
    path: FILE,
    category: 'read',
    access: 'owned',
    query: scopeQuery,
    body: none,
  },
  {
    operation: 'delete',
    method: 'DELETE',
    path: FILE,
    category: 'write',
    access: 'owned',
    query: scopeQuery,
    body: none,
  },
  {
    operation: 'content',
    method: 'GET',
    path: [...FILE, 'content'],
    category: 'read',
    access: 'owned',
    query: { ...scopeQuery, expires_at_seconds: { check: intIn(1, 7 * 24 * 3600) } },
    body: none,
  },
];

export const llamacloud: ServiceSpec = {
  api: 'llamacloud',
  defaultUpstream: 'https://api.cloud.llamaindex.ai',
  idPattern: GENERIC_ID,
  routes,
  multipart: {
    fields: {
      purpose: { required: true, check: oneOf(LLAMACLOUD_PURPOSES) },
      external_file_id: { check: text(255) },
    },
    largestFileBytes: LLAMACLOUD_MAX_SIZE_BYTES,
    // 512 MB platform-wide, 100 MB for Extract (contract §2); upstream stays authoritative.
    maxFileBytes: (fields) =>
      fields.purpose === 'extract' ? LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES : LLAMACLOUD_MAX_SIZE_BYTES,
  },
  ownList: {
    page(query) {
      const offset = offsetOf(query.get('page_token'), 'page_token');
      if (isRefusal(offset)) return offset;
      // SQL's convention: a bare `created_at` sorts ascending; no order_by means newest first.
      const orderBy = query.get('order_by');
      if (orderBy !== null && !orderBy.startsWith('created_at'))
        return refuse(400, 'filter_not_supported', 'Your own files list in creation order only.', {
          param: 'order_by',
        });
      const order = orderBy === null || orderBy === 'created_at desc' ? 'desc' : 'asc';
      return { offset, limit: Number(query.get('page_size') ?? 50), order };
    },
    render(items, page, total) {
      const next = page.offset + page.limit < total ? page.offset + page.limit : undefined;
      return {
        items,
        ...(next === undefined ? {} : { next_page_token: ownCursor(next) }),
        total_size: total,
      };
    },
  },
  createdId: (answer) => idField(answer, 'id'),
  undo: { method: 'DELETE', path: (id) => `/api/v1/beta/files/${id}` },
};
