/**
 * The log of API and storage requests that tests read back (`requests()`, `GET /_control/requests`).
 * Signed URL tokens never enter it (a logged download URL would be a working one), and neither
 * does a credential: Authorization keeps its scheme and a short SHA-256 fingerprint, enough for
 * a test to tell which key a request carried without the log holding a usable one.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRoute } from './faults.js';

export interface RequestLogEntry {
  /** Sequential, starting at 1. */
  id: number;
  method: string;
  /** The route, named like FaultRoute; null for paths that match none. */
  route: FaultRoute | null;
  /** Path and query, with a signed URL's `token` replaced by `[redacted]`. */
  path: string;
  /**
   * Answer status, known as soon as the answer's head is sent (a client may read the answer
   * before the server sees it finish); 0 when the connection ended without an answer.
   */
  status: number;
  /** Request headers, names lower-case. */
  headers: Record<string, string>;
  startedAt: string;
  endedAt: string | null;
  fileId?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  /** The answer of each entry still in flight, to read its status from. */
  private readonly answers = new WeakMap<RequestLogEntry, ServerResponse>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Starts an entry; it is completed when the answer finishes or the connection closes. */
  start(
    req: IncomingMessage,
    res: ServerResponse,
    route: FaultRoute | null,
    fileId?: string,
  ): RequestLogEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined)
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (headers.authorization !== undefined)
      headers.authorization = redactCredential(headers.authorization);
    const entry: RequestLogEntry = {
      id: this.nextId++,
      method: req.method ?? 'GET',
      route,
      path: redactToken(req.url ?? '/'),
      status: 0,
      headers,
      startedAt: new Date(this.now()).toISOString(),
      endedAt: null,
      ...(fileId === undefined ? {} : { fileId }),
    };
    this.entries.push(entry);
    this.answers.set(entry, res);
    const end = (): void => {
      if (entry.endedAt !== null) return;
      this.answers.delete(entry);
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.endedAt = new Date(this.now()).toISOString();
    };
    res.once('finish', end);
    res.once('close', end);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => {
      const res = this.answers.get(e);
      const status = res?.headersSent ? res.statusCode : e.status;
      return { ...e, status, headers: { ...e.headers } };
    });
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * `Bearer sk_…` → `Bearer [redacted sha256:1a2b3c4d5e6f]`; without a scheme, `[redacted sha256:…]`.
 * The fingerprint is of the whole header value, so `redactCredential(expected)` is what a test
 * compares a logged header with.
 */
export function redactCredential(value: string): string {
  const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 12);
  const scheme = /^(\S+)\s+\S/.exec(value);
  return `${scheme ? `${scheme[1]} ` : ''}[redacted sha256:${fingerprint}]`;
}

/** Hides the `token` query parameter of a signed URL. */
export function redactToken(path: string): string {
  return path.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
