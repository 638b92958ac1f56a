'use client';
/**
 * What the polite live region says: one line per upload that just completed or failed. Progress
 * is never announced (a screen reader would read every percent); rejections are alerts of their
 * own. Uploads already settled when the component mounts are not announced.
 */
import { useEffect, useRef, useState } from 'react';
import type { Upload, UploadPhase } from '../core/upload/types.js';
import type { ShownLabels } from './labels.js';
import { errorText } from './english.js';

export interface Announcement {
  id: number;
  text: string;
}

/** Enough history for a burst of completions; older lines leave the DOM. */
const KEEP = 5;

export function useAnnouncements(uploads: readonly Upload[], labels: ShownLabels): Announcement[] {
  const seen = useRef<Map<string, UploadPhase> | null>(null);
  const counter = useRef(0);
  const [lines, setLines] = useState<Announcement[]>([]);

  useEffect(() => {
    const previous = seen.current;
    const next = new Map(uploads.map((u) => [u.localId, u.phase]));
    seen.current = next;
    if (previous === null) return;
    const fresh: Announcement[] = [];
    for (const upload of uploads) {
      const before = previous.get(upload.localId);
      if (before === upload.phase) continue;
      const name = upload.file.name;
      if (upload.phase === 'completed')
        fresh.push({ id: ++counter.current, text: labels.announce.completed(name) });
      if (upload.phase === 'failed' && upload.error) {
        fresh.push({
          id: ++counter.current,
          text: labels.announce.failed(name, errorText(labels, upload.error)),
        });
      }
    }
    if (fresh.length > 0) setLines((old) => [...old, ...fresh].slice(-KEEP));
  }, [uploads, labels]);

  return lines;
}
