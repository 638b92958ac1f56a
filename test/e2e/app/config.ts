/**
 * The test page's configuration, read from its URL query so each test picks its own:
 * `?api=<url>&service=<service>&purpose=<purpose>&maxFiles=<n>&strict=1&checksum=0&list=0&limit=<n>&resume=1&storeBytesUpTo=<n>`.
 */
/** The Files API the page's client speaks; `api` is that service's reference server. */
export type Service = 'lightfield' | 'llamacloud' | 'xai';

export const SERVICES: readonly Service[] = ['lightfield', 'llamacloud', 'xai'];

export interface PageConfig {
  /** Base URL of the reference server (another origin than the page). */
  api: string;
  /** @default 'lightfield' */
  service: Service;
  /**
   * Lightfield's purposes are checked here (a typo fails loudly); another service's purpose is
   * passed through as the string it is (LlamaCloud `user_data`…; xAI needs none).
   * @default undefined (no purpose)
   */
  purpose?: string;
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
  /** `resume=1`: uploads survive a reload; `storeBytesUpTo=<n>` sets its byte limit. @default false */
  resume: boolean | { storeBytesUpTo: number };
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
  const service = query.get('service') ?? 'lightfield';
  if (!SERVICES.includes(service as Service)) throw new TypeError(`unknown service ${service}`);
  const purpose = query.get('purpose');
  if (service === 'lightfield' && purpose !== null && !PURPOSES.includes(purpose))
    throw new TypeError(`unknown purpose ${purpose}`);
  const maxFiles = positiveInt(query.get('maxFiles'), 'maxFiles');
  const limit = positiveInt(query.get('limit'), 'limit');
  return {
    api,
    service: service as Service,
    ...(purpose === null ? {} : { purpose }),
    ...(maxFiles === undefined ? {} : { maxFiles }),
    ...(limit === undefined ? {} : { limit }),
    strict: query.get('strict') === '1',
    checksum: query.get('checksum') !== '0',
    list: query.get('list') !== '0',
    resume: readResume(query),
  };
}

function readResume(query: URLSearchParams): PageConfig['resume'] {
  if (query.get('resume') !== '1') return false;
  const storeBytesUpTo = query.get('storeBytesUpTo');
  if (storeBytesUpTo === null) return true;
  const n = Number(storeBytesUpTo);
  if (!Number.isInteger(n) || n < 0)
    throw new TypeError(`storeBytesUpTo must be a whole number, got ${storeBytesUpTo}`);
  return { storeBytesUpTo: n };
}
