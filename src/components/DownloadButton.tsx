'use client';
import { useEffect, useState } from 'react';
import type { FileObject } from '../core/api/schemas.js';
import { useFileUrl } from '../react/use-file-url.js';

export interface DownloadButtonProps {
  file: FileObject;
  /** Accessible name, e.g. "Download report.pdf". */
  label: string;
  /** Opens the URL. @default a temporary `<a download>` clicked in this window */
  onDownload?: (url: string, file: FileObject) => void;
}

/**
 * Fetches the signed URL only on intent (hover, focus or click), not for every row of a page: a
 * page of 25 COMPLETED files would otherwise cost 25 URL requests. `useFileUrl` keeps it fresh
 * while it is known.
 */
export function DownloadButton({ file, label, onDownload = openUrl }: DownloadButtonProps) {
  const [wanted, setWanted] = useState(false);
  const [pendingOpen, setPendingOpen] = useState(false);
  const { data, isError, isFetching } = useFileUrl(wanted ? file.id : undefined);

  useEffect(() => {
    if (!pendingOpen || !data) return;
    setPendingOpen(false);
    onDownload(data.url, file);
  }, [pendingOpen, data, file, onDownload]);

  return (
    <button
      type="button"
      className="filedock-button"
      data-action="download"
      data-state={isError ? 'error' : isFetching && pendingOpen ? 'loading' : undefined}
      onPointerEnter={() => setWanted(true)}
      onFocus={() => setWanted(true)}
      onClick={() => {
        setWanted(true);
        if (data) onDownload(data.url, file);
        else setPendingOpen(true);
      }}
    >
      <span aria-hidden="true" className="filedock-button-glyph">
        ↓
      </span>
      <span className="filedock-visually-hidden">{label}</span>
    </button>
  );
}

function openUrl(url: string, file: FileObject): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
