/**
 * LlamaCloud request checks. Status policy, as FastAPI answers: anything the schema refuses
 * (unknown query parameters or form fields, a missing or mistyped field, a value out of range, a
 * malformed UUID) → 422 with a `loc`; a body over the size limits → 413.
 */
import { ApiError } from '../errors.js';
import type { ReceivedFile } from '../multipart.js';
import { intParam, param, rejectUnknownParams } from '../query.js';
import { hasControlChars } from '../text.js';
import {
  LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES,
  LLAMACLOUD_MAX_FILENAME_LENGTH,
  LLAMACLOUD_MAX_PAGE_SIZE,
  LLAMACLOUD_MAX_SIZE_BYTES,
  LLAMACLOUD_PURPOSES,
  type LlamaCloudPurpose,
} from '../../core/llamacloud/constants.js';

/** Per file, platform-wide ("512 MB", read as MiB like the client's rules). */
export const LLAMACLOUD_MAX_FILE_BYTES = LLAMACLOUD_MAX_SIZE_BYTES;
/** Per file for purpose `extract`. */
export const LLAMACLOUD_MAX_EXTRACT_BYTES = LLAMACLOUD_EXTRACT_MAX_SIZE_BYTES;
const DEFAULT_PAGE_SIZE = 50;
/** The longest download URL lifetime a client may ask for (a presigned S3 URL's maximum). */
export const MAX_URL_SECONDS = 604_800;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

function unprocessable(message: string, param: string, location: 'query' | 'body' | 'path') {
  return new ApiError(422, 'invalid_value', message, param, { location });
}

export function checkFileId(id: string): void {
  if (!UUID.test(id))
    throw new ApiError(422, 'invalid_id', `file_id must be a UUID, got "${id}".`, 'file_id', {
      location: 'path',
    });
}

/**
 * Refuses parameters the route does not document, checks `organization_id` and `project_id`,
 * and returns the project the request is about.
 */
export function projectOf(
  query: URLSearchParams,
  defaultProject: string,
  routeParams: readonly string[] = [],
): string {
  rejectUnknownParams(query, ['organization_id', 'project_id', ...routeParams]);
  for (const name of ['organization_id', 'project_id']) {
    const value = param(query, name);
    if (value !== undefined && !UUID.test(value))
      throw unprocessable(`${name} must be a UUID, got "${value}".`, name, 'query');
  }
  return (param(query, 'project_id') ?? defaultProject).toLowerCase();
}

export interface UploadParams {
  file: ReceivedFile;
  name: string;
  purpose: LlamaCloudPurpose;
  externalFileId: string | null;
}

function missing(name: string): ApiError {
  return new ApiError(422, 'missing_field', 'Field required', name, { location: 'body' });
}

/** Checks the form once received; the size caps were enforced while it streamed. */
export function parseUploadFields(
  fields: ReadonlyMap<string, string>,
  file: ReceivedFile | undefined,
): UploadParams {
  if (!file) throw missing('file');
  const purpose = fields.get('purpose');
  if (purpose === undefined) throw missing('purpose');
  if (!LLAMACLOUD_PURPOSES.includes(purpose as LlamaCloudPurpose))
    throw unprocessable(
      `purpose must be one of ${LLAMACLOUD_PURPOSES.join(', ')}, got "${purpose}".`,
      'purpose',
      'body',
    );
  const name = file.filename;
  const length = [...name].length;
  if (length < 1 || length > LLAMACLOUD_MAX_FILENAME_LENGTH || hasControlChars(name))
    throw unprocessable(
      `The file's name must be 1–${LLAMACLOUD_MAX_FILENAME_LENGTH} characters without control characters.`,
      'file',
      'body',
    );
  const externalFileId = fields.get('external_file_id') ?? null;
  if (externalFileId === '')
    throw unprocessable('external_file_id must not be empty.', 'external_file_id', 'body');
  return { file, name, purpose: purpose as LlamaCloudPurpose, externalFileId };
}

export const ORDER_FIELDS = ['name', 'id', 'created_at'] as const;

export interface ListParams {
  projectId: string;
  pageSize: number;
  pageToken: string | undefined;
  fileName: string | undefined;
  fileIds: string[] | undefined;
  externalFileId: string | undefined;
  orderBy: (typeof ORDER_FIELDS)[number];
  descending: boolean;
}

/** `order_by`: a field, optionally followed by ` asc` or ` desc` (`created_at desc`). */
function parseOrderBy(value: string | undefined): Pick<ListParams, 'orderBy' | 'descending'> {
  if (value === undefined) return { orderBy: 'created_at', descending: false };
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(value);
  const field = match?.[1] as ListParams['orderBy'] | undefined;
  if (!match || !field || !ORDER_FIELDS.includes(field))
    throw unprocessable(
      `order_by must be one of ${ORDER_FIELDS.join(', ')} (optionally with " desc"), got "${value}".`,
      'order_by',
      'query',
    );
  return { orderBy: field, descending: match[2]?.toLowerCase() === 'desc' };
}

export function parseListQuery(query: URLSearchParams, defaultProject: string): ListParams {
  const projectId = projectOf(query, defaultProject, [
    'page_size',
    'page_token',
    'file_name',
    'file_ids',
    'external_file_id',
    'order_by',
  ]);
  const ids = query
    .getAll('file_ids')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const id of ids)
    if (!UUID.test(id))
      throw unprocessable(`file_ids must be UUIDs, got "${id}".`, 'file_ids', 'query');
  return {
    projectId,
    pageSize:
      intParam(query, 'page_size', { min: 1, max: LLAMACLOUD_MAX_PAGE_SIZE, status: 422 }) ??
      DEFAULT_PAGE_SIZE,
    pageToken: param(query, 'page_token'),
    fileName: param(query, 'file_name'),
    fileIds: ids.length > 0 ? ids.map((id) => id.toLowerCase()) : undefined,
    externalFileId: param(query, 'external_file_id'),
    ...parseOrderBy(param(query, 'order_by')),
  };
}

/** `expires_at_seconds`: how long the download URL lives, in seconds. */
export function parseContentQuery(
  query: URLSearchParams,
  defaultProject: string,
): { projectId: string; seconds: number | undefined } {
  const projectId = projectOf(query, defaultProject, ['expires_at_seconds']);
  const seconds = intParam(query, 'expires_at_seconds', {
    min: 1,
    max: MAX_URL_SECONDS,
    status: 422,
  });
  return { projectId, seconds };
}
