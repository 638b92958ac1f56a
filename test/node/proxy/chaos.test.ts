/**
 * A chaos run through the proxy: 100 Lightfield uploads by five users (create and complete
 * through the proxy, the PUT straight to storage) while about a fifth of upstream requests fail —
 * 5xx and 429 answers, dropped connections, answers too slow for the proxy's deadline (504),
 * broken 200 bodies (502), and "it took effect, then failed" answers. A small client retries what
 * is retryable and cancels what it gives up on. Every file must end completed with its bytes
 * intact, or visibly failed with nothing left behind.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../src/server/index.js';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import { BASE, makeProxy, startUpstream } from './helpers.js';
import { listen } from './listen.js';

const UPLOADS = 100;
const USERS = ['ana', 'ben', 'cho', 'dev', 'eli'];
const SESSION_TTL_MS = 3_600_000;

/** A seeded PRNG (mulberry32): the same faults on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: Record<'create' | 'put' | 'complete', Array<Omit<FaultSpec, 'route'>>> = {
  create: [
    { status: 503, retryAfter: 0 },
    { status: 500 },
    { status: 429, retryAfter: 0 },
    { delayMs: 1500 }, // past the proxy's deadline: 504
    { drop: true },
    { malformed: 'html' },
    { status: 500, afterEffect: true }, // the session exists, the answer says otherwise
  ],
  put: [
    { status: 503 },
    { dropAfterBytes: 100 },
    { drop: true },
    { status: 500 },
    { status: 503, times: 8 }, // an outage longer than the client's patience: it gives up
  ],
  complete: [
    { status: 503, retryAfter: 0 },
    { status: 500, afterEffect: true }, // completed, then failed: the retry sees 409
    { delayMs: 1500 },
    { drop: true },
    { malformed: 'invalid-json' },
    { status: 503, times: 8 },
  ],
};

function armFaults(random: () => number): FaultSpec[] {
  const faults: FaultSpec[] = [];
  for (const route of ['create', 'put', 'complete'] as const) {
    for (let i = 0; i < UPLOADS * 1.2; i++) {
      if (random() >= 0.2) continue;
      const kinds = KINDS[route];
      const kind = kinds[Math.floor(random() * kinds.length)] ?? {};
      faults.push({ route, after: i, ...kind });
    }
  }
  return faults;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

/** An answer as the chaos client reads it: only the fields it looks at. */
interface Reply {
  status: number;
  body?: {
    id?: string;
    status?: string;
    url?: string;
    uploadUrl?: string;
    uploadHeaders?: Record<string, string>;
    data?: Array<{ id: string }>;
    error?: { code?: string };
  };
}

interface Outcome {
  kind: 'completed' | 'failed';
  user: string;
  id?: string;
  md5: string;
  reason?: string;
}

describe('proxy chaos', () => {
  it('100 uploads under ~20 % upstream faults: each completed intact or visibly failed, nothing left behind', async (ctx) => {
    let now = Date.now();
    const upstream = await startUpstream({ now: () => now, sessionTtlMs: SESSION_TTL_MS });
    const { proxy } = makeProxy(upstream.url, { timeoutMs: 400 });
    const app = await listen(toNodeListener(proxy));
    const base = `${app.url}${BASE}`;
    const faults = armFaults(prng(12));
    upstream.faults.add(...faults);

    /** One call with retries on what the SDKs retry: network errors, 408, 429, 5xx, and a 409
     * idempotency conflict (the first try, timed out by the proxy, may still hold the key). */
    async function attempt(init: () => Promise<Response>): Promise<Reply> {
      let last: Reply = { status: 0, body: undefined };
      for (let i = 0; i < 6; i++) {
        try {
          const res = await init();
          const text = await res.text();
          let body: Reply['body'];
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          last = { status: res.status, body };
          const conflict = res.status === 409 && body?.error?.code === 'idempotency_conflict';
          if (res.status !== 408 && res.status !== 429 && res.status < 500 && !conflict)
            return last;
        } catch {
          last = { status: 0, body: undefined };
        }
        await sleep(10 * 2 ** i);
      }
      return last;
    }
    const api = (user: string, method: string, path: string, body?: unknown, key?: string) =>
      attempt(() =>
        fetch(`${base}${path}`, {
          method,
          headers: {
            'x-user': user,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );

    async function uploadOne(i: number): Promise<Outcome> {
      const user = USERS[i % USERS.length] ?? 'ana';
      const data = randomBytes(1 + Math.floor(Math.random() * 32 * 1024));
      const sum = md5(data);
      const created = await api(
        user,
        'POST',
        '/v1/files',
        { filename: `f${i}.bin`, mimeType: 'application/octet-stream', sizeBytes: data.byteLength },
        randomUUID(),
      );
      if (created.status !== 200)
        return { kind: 'failed', user, md5: sum, reason: `create ${created.status}` };
      const session = created.body as {
        id: string;
        uploadUrl: string;
        uploadHeaders: Record<string, string>;
      };
      const giveUp = async (reason: string): Promise<Outcome> => {
        const cancel = await api(user, 'POST', `/v1/files/${session.id}/cancel`, {});
        return {
          kind: 'failed',
          user,
          id: session.id,
          md5: sum,
          reason: `${reason}; cancel ${cancel.status}`,
        };
      };
      const put = await attempt(() =>
        fetch(session.uploadUrl, { method: 'PUT', headers: session.uploadHeaders, body: data }),
      );
      if (put.status !== 200) return giveUp(`put ${put.status}`);
      const done = await api(user, 'POST', `/v1/files/${session.id}/complete`, { md5: sum });
      if (done.status === 200) return { kind: 'completed', user, id: session.id, md5: sum };
      // "Completed, then failed": the retry answers 409; the file's own status decides.
      const state = await api(user, 'GET', `/v1/files/${session.id}`);
      if (state.body?.status === 'COMPLETED')
        return { kind: 'completed', user, id: session.id, md5: sum };
      return giveUp(`complete ${done.status}`);
    }

    const outcomes: Outcome[] = new Array(UPLOADS);
    let next = 0;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (next < UPLOADS) {
          const i = next++;
          outcomes[i] = await uploadOne(i);
        }
      }),
    );

    const injected = faults.length - upstream.faults.list().length;
    const completed = outcomes.filter((o) => o.kind === 'completed');
    const failed = outcomes.filter((o) => o.kind === 'failed');
    // Completed files: COMPLETED through the proxy, bytes intact through the proxy's download URL.
    for (const o of completed) {
      const url = await api(o.user, 'GET', `/v1/files/${o.id}/url`);
      expect(url.status).toBe(200);
      const bytes = new Uint8Array(await (await fetch(url.body?.url ?? '')).arrayBuffer());
      expect(md5(bytes)).toBe(o.md5);
    }
    // Failed ones that got a session were cancelled: none is left PENDING.
    for (const o of failed.filter((f) => f.id)) {
      const state = await api(o.user, 'GET', `/v1/files/${o.id}`);
      expect(['CANCELLED', 'EXPIRED']).toContain(state.body?.status);
    }
    // Each user's list holds exactly their own sessions.
    for (const user of USERS) {
      const mine = outcomes
        .filter((o) => o.user === user && o.id)
        .map((o) => o.id)
        .sort();
      const listed: string[] = [];
      for (let offset = 0; ; offset += 25) {
        const page = await api(user, 'GET', `/v1/files?offset=${offset}&limit=25`);
        const rows = page.body?.data ?? [];
        listed.push(...rows.map((f) => f.id));
        if (rows.length < 25) break;
      }
      expect(listed.sort()).toEqual(mine);
    }
    // Upstream: every PENDING session is an orphan of a create that took effect and then
    // failed (the proxy never learned its id, so nobody owns it); with no bytes, it expires.
    type Row = { id: string; status: string; receivedBytes: number };
    const files = (await (await fetch(`${upstream.url}/_control/files`)).json()).files as Row[];
    const owned = new Set(outcomes.map((o) => o.id));
    const pending = files.filter((f) => f.status === 'PENDING');
    expect(pending.every((f) => !owned.has(f.id) && f.receivedBytes === 0)).toBe(true);
    now += SESSION_TTL_MS + 1;
    const later = (await (await fetch(`${upstream.url}/_control/files`)).json()).files as Row[];
    expect(later.filter((f) => f.status === 'PENDING')).toEqual([]);

    const summary = {
      uploads: UPLOADS,
      completed: completed.length,
      failed: failed.length,
      faultSpecsSpent: injected,
      orphanSessionsExpired: pending.length,
    };
    Object.assign(ctx.task.meta, { proxyChaos: summary });
    console.log(
      `proxy chaos: ${JSON.stringify(summary)}; failures: ${failed.map((f) => f.reason).join(' | ')}`,
    );
    expect(completed.length + failed.length).toBe(UPLOADS);
    expect(injected).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
