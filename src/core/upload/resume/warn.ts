/**
 * Resume degrades to filedock without resume (uploads live as long as the page) when the browser
 * cannot keep a journal: storage full, IndexedDB missing or refused (private modes), a journal
 * this build cannot read. Said once per page, on the console: it is the app developer's concern,
 * not the user's, and a warning per file would drown the console. Never with an upload URL.
 */
let warned = false;

export function warnResumeDegraded(reason: string, error?: unknown): void {
  if (warned) return;
  warned = true;
  const name = error instanceof Error || error instanceof DOMException ? ` (${error.name})` : '';
  console.warn(`filedock: uploads will not survive a reload: ${reason}${name}.`);
}

/** For tests: the next degrade warns again. */
export function resetResumeWarning(): void {
  warned = false;
}
