'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useReducer, useState } from 'react';
import { useFilesContext } from './context.js';
import { fileContentQueryOptions, type FileUrl, fileUrlQueryOptions } from './query-options.js';
import { expiryTime, isUrlExpired } from './url-timing.js';

/**
 * A download link for a COMPLETED file.
 *
 * - Clients with signed URLs (`capabilities.download === 'url'`: Lightfield, LlamaCloud): the
 *   service's URL, refreshed shortly before its `expiresAt` (10% of its lifetime, at most 30 s
 *   early). Never a dead one: once `expiresAt` has passed (a refresh failed, or a cached URL
 *   outlived its time) `data` is `undefined` while a fresh one is fetched.
 * - Clients that hand out bytes (`'bytes'`: xAI): the content is fetched through the client and
 *   `data.url` is an object URL of it (no `expiresAt`), revoked when the component unmounts or
 *   `id` changes.
 *
 * With no `id` nothing is fetched.
 *
 * @example
 * const { data } = useFileUrl(file.status === 'COMPLETED' ? file.id : undefined);
 * <a href={data?.url} download={file.filename} aria-disabled={!data}>Download</a>
 */
export function useFileUrl(id: string | undefined | null): UseQueryResult<FileUrl, Error> {
  const { backend, queryClient } = useFilesContext('useFileUrl');
  const bytes = backend.capabilities.download === 'bytes';
  const signed = useSignedUrl(bytes ? undefined : id);
  const content = useQuery(
    { ...fileContentQueryOptions(backend, id ?? ''), enabled: Boolean(id) && bytes },
    queryClient,
  );
  const objectUrl = useObjectUrl(bytes ? content.data : undefined);
  if (!bytes) return signed;
  const data = objectUrl === undefined ? undefined : { url: objectUrl };
  return { ...content, data } as UseQueryResult<FileUrl, Error>;
}

/**
 * `useFileUrl` for clients with signed URLs, on its own: the list's download button needs no
 * more, and so does not bring the bytes path along.
 */
export function useSignedUrl(id: string | undefined | null): UseQueryResult<FileUrl, Error> {
  const { backend, queryClient } = useFilesContext('useFileUrl');
  const signed = useQuery(
    { ...fileUrlQueryOptions(backend, id ?? ''), enabled: Boolean(id) },
    queryClient,
  );

  // Re-render at the moment of expiry so the check below runs even if no refresh arrived; the
  // query's own refetchInterval keeps trying to fetch a fresh URL meanwhile.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const expiresAt = signed.data?.expiresAt;
  const expired = expiresAt !== undefined && isUrlExpired(expiresAt, Date.now());

  useEffect(() => {
    if (expiresAt === undefined) return;
    const expiry = expiryTime(expiresAt);
    if (expiry === undefined) return;
    const wait = expiry - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(rerender, wait);
    return () => clearTimeout(timer);
  }, [expiresAt]);

  return expired ? ({ ...signed, data: undefined } as UseQueryResult<FileUrl, Error>) : signed;
}

/** An object URL of `blob` while it is shown, revoked when it changes or the component unmounts. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [made, setMade] = useState<{ blob: Blob; url: string } | undefined>(undefined);
  useEffect(() => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    setMade({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return made && made.blob === blob ? made.url : undefined;
}
