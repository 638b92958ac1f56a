/** The log of API and storage requests that tests read back (`requests()`, `GET /_control/requests`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRoute } from './faults.js';

export interface RequestLogEntry {
  /** Sequential, starting at 1. */
  id: number;
  method: string;
  /** The route, named like FaultRoute; null for paths that match none. */
  route: FaultRoute | null;
  /** Path and query. */
  path: string;
  /** Answer status; 0 when the connection ended without an answer. */
  status: number;
  /** Request headers, names lower-case. */
  headers: Record<string, string>;
  startedAt: string;
  endedAt: string | null;
  fileId?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
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
    const entry: RequestLogEntry = {
      id: this.nextId++,
      method: req.method ?? 'GET',
      route,
      path: req.url ?? '/',
      status: 0,
      headers,
      startedAt: new Date(this.now()).toISOString(),
      endedAt: null,
      ...(fileId === undefined ? {} : { fileId }),
    };
    this.entries.push(entry);
    const end = (): void => {
      if (entry.endedAt !== null) return;
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.endedAt = new Date(this.now()).toISOString();
    };
    res.once('finish', end);
    res.once('close', end);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, headers: { ...e.headers } }));
  }

  clear(): void {
    this.entries = [];
  }
}
