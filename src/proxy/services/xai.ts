/**
 * xAI's Files routes (API contract §3): a multipart upload whose fields precede the file, token
 * paging, delete, and a content route that streams the bytes back.
 */
import { isRefusal, refuse } from '../errors.js';
import { GENERIC_ID, intIn, matches, oneOf, token } from './checks.js';
import { idField } from './json-fields.js';
import { ownCursor, offsetOf } from './own-cursor.js';
import type { RouteSpec, ServiceSpec } from './types.js';
import {
  XAI_MAX_EXPIRES_AFTER,
  XAI_MAX_PAGE_SIZE,
  XAI_MAX_SIZE_BYTES,
  XAI_MIN_EXPIRES_AFTER,
} from '../../core/xai/constants.js';

const FILES = ['v1', 'files'] as const;
const FILE = [...FILES, ':id'] as const;
const none = { kind: 'none' } as const;

const routes: RouteSpec[] = [
  {
    operation: 'upload',
    method: 'POST',
    path: FILES,
    category: 'write',
    access: 'create',
    query: {},
    body: { kind: 'multipart' },
  },
  {
    operation: 'list',
    method: 'GET',
    path: FILES,
    category: 'search',
    access: 'list',
    query: {
      limit: { check: intIn(1, XAI_MAX_PAGE_SIZE) },
      order: { check: oneOf(['asc', 'desc']) },
      // Only creation order can be honoured on a non-admin's own list.
      sort_by: { check: oneOf(['created_at', 'filename', 'size']) },
      pagination_token: { check: token() },
      // The management API's name for the same cursor.
      next_token: { check: token() },
    },
    body: none,
  },
  {
    operation: 'retrieve',
    method: 'GET',
    path: FILE,
    category: 'read',
    access: 'owned',
    query: {},
    body: none,
  },
  {
    operation: 'delete',
    method: 'DELETE',
    path: FILE,
    category: 'write',
    access: 'owned',
    query: {},
    body: none,
  },
  {
    operation: 'content',
    method: 'GET',
    path: [...FILE, 'content'],
    category: 'read',
    access: 'owned',
    query: {},
    body: none,
    stream: true,
  },
];

export const xai: ServiceSpec = {
  api: 'xai',
  defaultUpstream: 'https://api.x.ai',
  idPattern: GENERIC_ID,
  routes,
  multipart: {
    fields: {
      purpose: { check: matches(/^[a-z][a-z0-9_]{0,63}$/, 'a purpose name') },
      expires_after: { check: intIn(XAI_MIN_EXPIRES_AFTER, XAI_MAX_EXPIRES_AFTER) },
      // The OpenAI SDK's deepObject form of expires_after.
      'expires_after[anchor]': { check: oneOf(['created_at']) },
      'expires_after[seconds]': { check: intIn(XAI_MIN_EXPIRES_AFTER, XAI_MAX_EXPIRES_AFTER) },
    },
    // 50 MB per request (contract §3); upstream answers 413 above its own limit.
    largestFileBytes: XAI_MAX_SIZE_BYTES,
    maxFileBytes: () => XAI_MAX_SIZE_BYTES,
  },
  ownList: {
    page(query) {
      const sortBy = query.get('sort_by');
      if (sortBy !== null && sortBy !== 'created_at') {
        return refuse(400, 'filter_not_supported', 'Your own files list in creation order only.', {
          param: 'sort_by',
        });
      }
      const cursor = query.has('next_token') ? 'next_token' : 'pagination_token';
      const offset = offsetOf(query.get(cursor), cursor);
      if (isRefusal(offset)) return offset;
      return {
        offset,
        limit: Number(query.get('limit') ?? XAI_MAX_PAGE_SIZE),
        order: query.get('order') === 'asc' ? 'asc' : 'desc',
      };
    },
    render(items, page, total) {
      const next = page.offset + page.limit < total ? ownCursor(page.offset + page.limit) : null;
      // Mirror the shape upstream's file objects come in (management or OpenAI-compatible).
      const management = items.length > 0 && idField(items[0], 'file_id') !== undefined;
      return management
        ? { files: items, next_token: next }
        : { object: 'list', data: items, pagination_token: next };
    },
  },
  createdId: (answer) => idField(answer, 'id') ?? idField(answer, 'file_id'),
  undo: { method: 'DELETE', path: (id) => `/v1/files/${id}` },
};
