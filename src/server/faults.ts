/**
 * Scripted faults, per route, for tests and demos: a status (with Retry-After), a delay, a PUT
 * connection dropped after N bytes, a throttled PUT, a malformed 200 body, or a forced expiry.
 */
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
export type FaultRoute = (typeof FAULT_ROUTES)[number];

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
  /** put: read N bytes, then destroy the socket. */
  dropAfterBytes?: number;
  /** put: read the body at this pace. */
  throttleBytesPerSecond?: number;
  /** Answer 200 with a broken body instead of handling the request. */
  malformed?: MalformedKind;
  /** put/complete: force the session to EXPIRED before handling. */
  expire?: boolean;
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
]);

/** Checks one fault from untrusted input (CLI, control endpoint); throws a TypeError naming the field. */
export function parseFault(input: unknown): FaultSpec {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new TypeError('a fault must be an object');
  const spec = input as Record<string, unknown>;
  for (const key of Object.keys(spec))
    if (!KEYS.has(key)) throw new TypeError(`unknown fault key ${key}`);
  if (!FAULT_ROUTES.includes(spec.route as FaultRoute)) {
    throw new TypeError(`fault.route must be one of ${FAULT_ROUTES.join(', ')}`);
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
  if (spec.expire !== undefined && typeof spec.expire !== 'boolean')
    throw new TypeError('fault.expire must be a boolean');
  if (spec.fileId !== undefined && (typeof spec.fileId !== 'string' || spec.fileId === ''))
    throw new TypeError('fault.fileId must be a non-empty string');
  const putOnly = spec.dropAfterBytes !== undefined || spec.throttleBytesPerSecond !== undefined;
  if (putOnly && spec.route !== 'put')
    throw new TypeError('dropAfterBytes and throttleBytesPerSecond apply to route put');
  if (spec.expire && spec.route !== 'put' && spec.route !== 'complete')
    throw new TypeError('expire applies to routes put and complete');
  return { ...(spec as unknown as FaultSpec) };
}

/** The live fault list. Faults are consumed in order: the first one due for a request hits it. */
export class FaultController {
  private armed: ArmedFault[] = [];

  /** Adds faults (validated); returns how many are armed now. */
  add(...specs: FaultSpec[]): number {
    const parsed = specs.map(parseFault); // all or nothing
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
