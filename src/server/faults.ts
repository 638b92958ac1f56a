/**
 * Scripted faults, per route, for tests and demos: a status (with Retry-After), a delay, a dropped
 * connection (at once, or after N bytes of an upload body), a throttled upload, a malformed 200
 * body, a forced expiry, and any of these after the request took effect ("stored, then failed").
 * Each reference server names its own routes; a fault names one of them.
 */
import type { ApiName } from './service.js';

/** Lightfield's routes. */
export const FAULT_ROUTES = [
  'create',
  'complete',
  'cancel',
  'retrieve',
  'list',
  'url',
  'put',
  'download',
] as const;
export const LLAMACLOUD_ROUTES = [
  'upload',
  'list',
  'retrieve',
  'delete',
  'content',
  'download',
] as const;
export const XAI_ROUTES = ['upload', 'list', 'retrieve', 'delete', 'content'] as const;
export type LightfieldRoute = (typeof FAULT_ROUTES)[number];
export type FaultRoute =
  | LightfieldRoute
  | (typeof LLAMACLOUD_ROUTES)[number]
  | (typeof XAI_ROUTES)[number];

/** The routes each API's faults may name. */
export const FAULT_ROUTES_BY_API: Record<ApiName, readonly string[]> = {
  lightfield: FAULT_ROUTES,
  llamacloud: LLAMACLOUD_ROUTES,
  xai: XAI_ROUTES,
};

/** Routes that stream an upload body: the only ones byte-level faults apply to. */
const STREAMING_ROUTES: readonly string[] = ['put', 'upload'];
/** Routes whose answer is the bytes themselves: nothing is left to fail after the effect. */
const BYTE_ANSWER_ROUTES: readonly string[] = ['download', 'content'];

export const MALFORMED_KINDS = [
  'invalid-json',
  'missing-fields',
  'wrong-types',
  'html',
  'text',
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

export interface FaultSpec {
  route: FaultRoute;
  /** How many matching requests it hits. @default 1 */
  times?: number;
  /** Skip the first N matching requests. @default 0 */
  after?: number;
  /** Answer this status with a proper error envelope (e.g. 503, 429, 500, 403). */
  status?: number;
  /** Seconds, sent as Retry-After (with `status`). */
  retryAfter?: number;
  /** Wait before handling; a client that goes away ends the wait. */
  delayMs?: number;
  /** Destroy the connection instead of answering (no status line at all). */
  drop?: boolean;
  /** put/upload: read N bytes of the body, then destroy the socket. */
  dropAfterBytes?: number;
  /** put/upload: read the body at this pace. */
  throttleBytesPerSecond?: number;
  /** Answer 200 with a broken body instead of handling the request. */
  malformed?: MalformedKind;
  /** put/complete: force the session to EXPIRED before handling. */
  expire?: boolean;
  /**
   * Let the request take effect first (the file is stored, deleted, completed…), then answer
   * with `status`, `malformed` or `drop` instead of the real answer: a client that gives up on
   * that answer must still clean up. Not for download/content (their answer is the bytes).
   */
  afterEffect?: boolean;
  /**
   * Only requests about this file (`fil_…`) count and are hit, so tests sharing one server
   * cannot catch each other's faults. @default every request on the route
   */
  fileId?: string;
}

interface ArmedFault {
  spec: FaultSpec;
  seen: number;
  hits: number;
}

function nonNegativeInt(spec: Record<string, unknown>, key: string, min = 0): void {
  const value = spec[key];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new TypeError(`fault.${key} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
}

const KEYS = new Set([
  'route',
  'times',
  'after',
  'status',
  'retryAfter',
  'delayMs',
  'dropAfterBytes',
  'throttleBytesPerSecond',
  'malformed',
  'expire',
  'fileId',
  'drop',
  'afterEffect',
]);

function optionalBoolean(spec: Record<string, unknown>, key: string): void {
  if (spec[key] !== undefined && typeof spec[key] !== 'boolean')
    throw new TypeError(`fault.${key} must be a boolean`);
}

/**
 * Checks one fault from untrusted input (CLI, control endpoint) against a server's routes
 * (Lightfield's by default); throws a TypeError naming the field.
 */
export function parseFault(input: unknown, routes: readonly string[] = FAULT_ROUTES): FaultSpec {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new TypeError('a fault must be an object');
  const spec = input as Record<string, unknown>;
  for (const key of Object.keys(spec))
    if (!KEYS.has(key)) throw new TypeError(`unknown fault key ${key}`);
  if (typeof spec.route !== 'string' || !routes.includes(spec.route)) {
    throw new TypeError(`fault.route must be one of ${routes.join(', ')}`);
  }
  nonNegativeInt(spec, 'times', 1);
  nonNegativeInt(spec, 'after');
  nonNegativeInt(spec, 'retryAfter');
  nonNegativeInt(spec, 'delayMs');
  nonNegativeInt(spec, 'dropAfterBytes');
  nonNegativeInt(spec, 'throttleBytesPerSecond', 1);
  if (
    spec.status !== undefined &&
    (typeof spec.status !== 'number' ||
      !Number.isInteger(spec.status) ||
      spec.status < 400 ||
      spec.status > 599)
  ) {
    throw new TypeError('fault.status must be an integer from 400 to 599');
  }
  if (spec.malformed !== undefined && !MALFORMED_KINDS.includes(spec.malformed as MalformedKind)) {
    throw new TypeError(`fault.malformed must be one of ${MALFORMED_KINDS.join(', ')}`);
  }
  optionalBoolean(spec, 'expire');
  optionalBoolean(spec, 'drop');
  optionalBoolean(spec, 'afterEffect');
  if (spec.fileId !== undefined && (typeof spec.fileId !== 'string' || spec.fileId === ''))
    throw new TypeError('fault.fileId must be a non-empty string');
  const putOnly = spec.dropAfterBytes !== undefined || spec.throttleBytesPerSecond !== undefined;
  if (putOnly && !STREAMING_ROUTES.includes(spec.route)) {
    const streaming = routes.filter((r) => STREAMING_ROUTES.includes(r)).join(', ');
    throw new TypeError(`dropAfterBytes and throttleBytesPerSecond apply to route ${streaming}`);
  }
  if (spec.expire && spec.route !== 'put' && spec.route !== 'complete')
    throw new TypeError('expire applies to routes put and complete');
  if (spec.afterEffect) {
    if (BYTE_ANSWER_ROUTES.includes(spec.route))
      throw new TypeError('afterEffect does not apply to routes download and content');
    if (spec.status === undefined && spec.malformed === undefined && !spec.drop)
      throw new TypeError('afterEffect needs status, malformed or drop');
  }
  return { ...(spec as unknown as FaultSpec) };
}

/** The live fault list. Faults are consumed in order: the first one due for a request hits it. */
export class FaultController {
  private armed: ArmedFault[] = [];

  /** @param routes the routes of the server these faults apply to (Lightfield's by default) */
  constructor(readonly routes: readonly string[] = FAULT_ROUTES) {}

  /** Checks one fault against this server's routes. */
  parse(input: unknown): FaultSpec {
    return parseFault(input, this.routes);
  }

  /** Adds faults (validated); returns how many are armed now. */
  add(...specs: FaultSpec[]): number {
    const parsed = specs.map((spec) => this.parse(spec)); // all or nothing
    for (const spec of parsed) this.armed.push({ spec, seen: 0, hits: 0 });
    return this.armed.length;
  }

  clear(): void {
    this.armed = [];
  }

  /** The faults still armed, in order. */
  list(): FaultSpec[] {
    return this.armed.map((a) => ({ ...a.spec }));
  }

  /** Counts a request on `route` (about `fileId`, when it names one) and returns the fault that hits it, if any. */
  take(route: FaultRoute, fileId?: string): FaultSpec | undefined {
    let hit: ArmedFault | undefined;
    for (const armed of this.armed) {
      if (armed.spec.route !== route) continue;
      if (armed.spec.fileId !== undefined && armed.spec.fileId !== fileId) continue;
      armed.seen += 1;
      if (!hit && armed.seen > (armed.spec.after ?? 0) && armed.hits < (armed.spec.times ?? 1)) {
        armed.hits += 1;
        hit = armed;
      }
    }
    this.armed = this.armed.filter((a) => a.hits < (a.spec.times ?? 1));
    return hit?.spec;
  }
}

/** A broken 200 body of the requested kind, with its content type. */
export function malformedBody(kind: MalformedKind): { contentType: string; text: string } {
  switch (kind) {
    case 'invalid-json':
      return { contentType: 'application/json', text: '{"id": "fil_broken", "status": ' };
    case 'missing-fields':
      return { contentType: 'application/json', text: JSON.stringify({ id: 'fil_broken' }) };
    case 'wrong-types':
      return {
        contentType: 'application/json',
        text: JSON.stringify({
          id: 42,
          status: 'DONE',
          filename: null,
          mimeType: 7,
          sizeBytes: '12',
          createdAt: 0,
          completedAt: 1,
          expiresAt: true,
          object: 'list',
          data: 'x',
          totalCount: '1',
          url: 5,
          // LlamaCloud and xAI keys, equally wrong
          name: 3,
          project_id: false,
          items: {},
          next_page_token: 9,
          expires_at: [],
          bytes: '12',
          created_at: 'yesterday',
          pagination_token: 2,
          file_id: 3,
          size_bytes: 12,
          files: 'x',
          next_token: 4,
          deleted: 'yes',
        }),
      };
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        text: '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>',
      };
    case 'text':
      return {
        contentType: 'text/plain; charset=utf-8',
        text: 'upstream connect error or disconnect/reset before headers',
      };
  }
}
