/** The test page's URL for a configuration (see app/config.ts). */
export interface PageQuery {
  /** The Files API the page's client speaks; `apiUrl` must be its server. @default 'lightfield' */
  service?: 'lightfield' | 'llamacloud' | 'xai';
  purpose?: string;
  maxFiles?: number;
  strict?: boolean;
  checksum?: boolean;
  list?: boolean;
  limit?: number;
}

export function pageUrl(
  appUrl: string,
  apiUrl: string,
  query: PageQuery = {},
  entry = 'index.html',
): string {
  const params = new URLSearchParams({ api: apiUrl });
  if (query.service && query.service !== 'lightfield') params.set('service', query.service);
  if (query.purpose) params.set('purpose', query.purpose);
  if (query.maxFiles !== undefined) params.set('maxFiles', String(query.maxFiles));
  if (query.strict) params.set('strict', '1');
  if (query.checksum === false) params.set('checksum', '0');
  if (query.list === false) params.set('list', '0');
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return `${appUrl}/${entry}?${params.toString()}`;
}
