'use client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RemoteFile } from '../core/backend.js';
import type { FilesContextValue } from '../react/context.js';
import type { useSignedUrl } from '../react/use-file-url.js';

export interface DownloadButtonProps {
  /** The list's `useFilesContext()`. */
  context: FilesContextValue;
  file: RemoteFile;
  /** Accessible name, e.g. "Download report.pdf". */
  label: string;
  /**
   * Saves the file from `url`: a signed URL, or (clients that hand out bytes, such as xAI) an
   * object URL of the content, revoked shortly after this returns.
   * @default a temporary `<a download>` clicked in this window
   */
  onDownload?: (url: string, file: RemoteFile) => void;
  /** filedock's `useSignedUrl` (`TableKit` in FileTable.tsx says why this and `context` are props). */
  useSignedUrl: typeof useSignedUrl;
}

/**
 * The list's download button. Signed-URL clients fetch the URL only on intent (hover, focus or
 * click), not for every row: a page of 25 COMPLETED files would otherwise cost 25 URL requests,
 * and `useFileUrl` keeps it fresh while it is known. Clients that hand out bytes fetch the content
 * on click and save it through an object URL, so no signed link is involved.
 */
export function DownloadButton(props: DownloadButtonProps) {
  return props.context.backend.capabilities.download === 'bytes' ? (
    <BytesDownload {...props} />
  ) : (
    <UrlDownload {...props} />
  );
}

function UrlDownload({ file, label, onDownload = openUrl, useSignedUrl }: DownloadButtonProps) {
  const [wanted, setWanted] = useState(false);
  const [pendingOpen, setPendingOpen] = useState(false);
  const { data, isError, isFetching } = useSignedUrl(wanted ? file.id : undefined);

  useEffect(() => {
    if (!pendingOpen || !data) return;
    setPendingOpen(false);
    onDownload(data.url, file);
  }, [pendingOpen, data, file, onDownload]);

  return (
    <Shell
      label={label}
      state={isError ? 'error' : isFetching && pendingOpen ? 'loading' : undefined}
      onIntent={() => setWanted(true)}
      onClick={() => {
        setWanted(true);
        if (data) onDownload(data.url, file);
        else setPendingOpen(true);
      }}
    />
  );
}

function BytesDownload({ context, file, label, onDownload = openUrl }: DownloadButtonProps) {
  const { backend, queryClient } = context;
  const save = useMutation(
    {
      mutationFn: async () => {
        if (!backend.download) throw new Error('filedock: this client has no content download');
        return backend.download(file.id);
      },
      onSuccess: (blob) => saveBlob(blob, file, onDownload),
    },
    queryClient,
  );
  return (
    <Shell
      label={label}
      state={save.isError ? 'error' : save.isPending ? 'loading' : undefined}
      onClick={() => {
        if (!save.isPending) save.mutate();
      }}
    />
  );
}

interface ShellProps {
  label: string;
  state: 'error' | 'loading' | undefined;
  onIntent?: () => void;
  onClick: () => void;
}

function Shell({ label, state, onIntent, onClick }: ShellProps) {
  return (
    <button
      type="button"
      className="filedock-button"
      data-action="download"
      data-state={state}
      aria-busy={state === 'loading' || undefined}
      onPointerEnter={onIntent}
      onFocus={onIntent}
      onClick={onClick}
    >
      <span aria-hidden="true" className="filedock-button-glyph">
        ↓
      </span>
      <span className="filedock-visually-hidden">{label}</span>
    </button>
  );
}

/**
 * How long an object URL outlives the save. Browsers start reading a download's blob after the
 * click returns (Firefox would fail a download whose URL is revoked at once), so it is revoked a
 * moment later rather than kept for the page's lifetime.
 */
export const OBJECT_URL_GRACE_MS = 1_000;

function saveBlob(
  blob: Blob,
  file: RemoteFile,
  onDownload: (url: string, file: RemoteFile) => void,
): void {
  const url = URL.createObjectURL(blob);
  try {
    onDownload(url, file);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_GRACE_MS);
  }
}

function openUrl(url: string, file: RemoteFile): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
