/**
 * One journal entry: what a reloaded page needs to find an interrupted upload again and decide,
 * with the server, how it goes on. Plain data (structured-clonable), versioned, and checked on
 * the way in: IndexedDB holds whatever an older build or another tab wrote, so a record that does
 * not parse is corrupt, never trusted.
 */

/**
 * The step the upload had reached when the entry was last written (written *before* the step
 * runs, so a reload mid-step finds the step it was in):
 * - `added`: no session yet (validation passed, nothing sent);
 * - `put`: a session exists, the bytes are (being) sent;
 * - `complete`: every byte reached storage, complete is (being) asked;
 * - `direct`: a one-request upload (no session) is (being) sent.
 */
export type JournalStep = 'added' | 'put' | 'complete' | 'direct';

/** Where the bytes are after a reload. */
export type BytesSource = 'stored' | 'handle' | 'none';

export interface JournalFile {
  name: string;
  size: number;
  type: string;
  lastModified: number;
}

/** The session as created. `uploadUrl` is a credential: see `withoutStaleCredentials`. */
export interface JournalSession {
  id: string;
  /** Absent once `expiresAt` has passed (or never kept). */
  uploadUrl?: string;
  uploadHeaders?: Record<string, string>;
  /** ISO-8601, or null where the service gives no deadline. */
  expiresAt: string | null;
}

export interface JournalEntry {
  readonly v: 1;
  /** The upload's `localId`. */
  key: string;
  /** Provider + purpose (+ the app's own scope, e.g. the signed-in user). */
  scope: string;
  file: JournalFile;
  purpose?: string;
  step: JournalStep;
  session?: JournalSession;
  /** Lower-case hex, once computed. */
  md5?: string;
  /** The idempotency key of a create that may have been cut by the reload (step `added`). */
  createKey?: string;
  /**
   * The upload failed for good (its session closed): shown failed after a reload, so the user
   * still sees which file did not make it; Retry starts it over.
   */
  failed?: { code: string; message: string };
  bytes: BytesSource;
  /** ms since epoch: when the upload was added. */
  createdAt: number;
  /** ms since epoch: when the step was written (a direct upload's file is searched from then). */
  updatedAt: number;
  /** ms since epoch: the entry is dropped (and its session cancelled) after this. */
  expiresAt: number;
}

export function describeFile(file: File): JournalFile {
  return { name: file.name, size: file.size, type: file.type, lastModified: file.lastModified };
}

const STEPS: ReadonlySet<string> = new Set(['added', 'put', 'complete', 'direct']);
const BYTES: ReadonlySet<string> = new Set(['stored', 'handle', 'none']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function parseFile(value: unknown): JournalFile | undefined {
  if (!isRecord(value)) return undefined;
  const { name, size, type, lastModified } = value;
  if (typeof name !== 'string' || typeof type !== 'string') return undefined;
  if (!isFiniteNumber(size) || size < 0 || !isFiniteNumber(lastModified)) return undefined;
  return { name, size, type, lastModified };
}

function parseHeaders(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  for (const header of Object.values(value)) if (typeof header !== 'string') return undefined;
  return value as Record<string, string>;
}

function parseSession(value: unknown): JournalSession | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null;
  const { expiresAt, uploadUrl, uploadHeaders } = value;
  if (expiresAt !== null && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))))
    return null;
  const session: JournalSession = { id: value.id, expiresAt };
  if (uploadUrl !== undefined) {
    const headers = parseHeaders(uploadHeaders ?? {});
    if (typeof uploadUrl !== 'string' || !headers) return null;
    session.uploadUrl = uploadUrl;
    session.uploadHeaders = headers;
  }
  return session;
}

/** The entry, or `undefined` when the record is not one this build wrote (corrupt). */
export function parseEntry(value: unknown): JournalEntry | undefined {
  if (!isRecord(value) || value.v !== 1) return undefined;
  const { key, scope, step, bytes, md5, purpose, createdAt, updatedAt, expiresAt, createKey } =
    value;
  if (createKey !== undefined && (typeof createKey !== 'string' || createKey === ''))
    return undefined;
  const failed = parseFailed(value.failed);
  if (failed === null) return undefined;
  if (typeof key !== 'string' || key === '' || typeof scope !== 'string') return undefined;
  if (typeof step !== 'string' || !STEPS.has(step)) return undefined;
  if (typeof bytes !== 'string' || !BYTES.has(bytes)) return undefined;
  if (md5 !== undefined && (typeof md5 !== 'string' || !/^[a-f0-9]{32}$/.test(md5)))
    return undefined;
  if (purpose !== undefined && typeof purpose !== 'string') return undefined;
  if (!isFiniteNumber(createdAt) || !isFiniteNumber(updatedAt) || !isFiniteNumber(expiresAt))
    return undefined;
  const file = parseFile(value.file);
  const session = parseSession(value.session);
  if (!file || session === null) return undefined;
  // A step past `added` without a session cannot be continued nor closed: corrupt.
  if ((step === 'put' || step === 'complete') && !session) return undefined;
  return {
    v: 1,
    key,
    scope,
    file,
    step: step as JournalStep,
    bytes: bytes as BytesSource,
    createdAt,
    updatedAt,
    expiresAt,
    ...(purpose !== undefined ? { purpose } : {}),
    ...(session ? { session } : {}),
    ...(md5 !== undefined ? { md5 } : {}),
    ...(createKey !== undefined ? { createKey } : {}),
    ...(failed ? { failed } : {}),
  };
}

function parseFailed(value: unknown): JournalEntry['failed'] | null {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.message !== 'string')
    return null;
  return { code: value.code, message: value.message };
}

/**
 * Upload URLs are credentials: kept only while they work. Past the session's `expiresAt` the
 * entry keeps the session id (to ask the server, or cancel) and forgets the URL and headers.
 */
export function withoutStaleCredentials(entry: JournalEntry, now: number): JournalEntry {
  const session = entry.session;
  if (!session?.uploadUrl) return entry;
  if (session.expiresAt === null || now < Date.parse(session.expiresAt)) return entry;
  return { ...entry, session: { id: session.id, expiresAt: session.expiresAt } };
}
