/**
 * The test page's configuration, read from its URL query so each test picks its own:
 * `?api=<url>&purpose=<purpose>&maxFiles=<n>&strict=1&checksum=0&list=0&limit=<n>`.
 */
import type { Purpose } from 'filedock';

export interface PageConfig {
  /** Base URL of the reference server (another origin than the page). */
  api: string;
  /** @default undefined (no purpose) */
  purpose?: Purpose;
  /** @default undefined (the rule's) */
  maxFiles?: number;
  /** Wrap the app in React.StrictMode. @default false */
  strict: boolean;
  /** @default true */
  checksum: boolean;
  /** Render a FileList under the uploader. @default true */
  list: boolean;
  /** FileList rows per page. @default undefined (25) */
  limit?: number;
}

const PURPOSES: readonly string[] = [
  'meeting_transcript',
  'knowledge_user',
  'knowledge_workspace',
  'email_attachment',
];

function positiveInt(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new TypeError(`${name} must be a positive integer, got ${value}`);
  return n;
}

export function readConfig(search: string): PageConfig {
  const query = new URLSearchParams(search);
  const api = query.get('api');
  if (!api) throw new TypeError('the page needs ?api=<reference server URL>');
  const purpose = query.get('purpose');
  if (purpose !== null && !PURPOSES.includes(purpose))
    throw new TypeError(`unknown purpose ${purpose}`);
  const maxFiles = positiveInt(query.get('maxFiles'), 'maxFiles');
  const limit = positiveInt(query.get('limit'), 'limit');
  return {
    api,
    ...(purpose === null ? {} : { purpose: purpose as Purpose }),
    ...(maxFiles === undefined ? {} : { maxFiles }),
    ...(limit === undefined ? {} : { limit }),
    strict: query.get('strict') === '1',
    checksum: query.get('checksum') !== '0',
    list: query.get('list') !== '0',
  };
}
