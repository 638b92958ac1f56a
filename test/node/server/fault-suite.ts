/**
 * The fault-injection tests both multipart APIs must pass, driven by a per-API table of how to
 * hit each route. Every route gets a scripted status, a dropped connection and a malformed body;
 * then slow answers, "stored (or deleted), then failed", and byte-level upload faults.
 */
import { describe, expect, it } from 'vitest';
import { type Caller, type Part, postForm, startApi } from './multipart-helpers.js';

export interface Hit {
  status: number;
  text: string;
}

export interface FaultDriver {
  api: 'llamacloud' | 'xai';
  routes: readonly string[];
  /** Uploads a small file; returns its id. */
  upload(call: Caller): Promise<string>;
  /** One request on `route` about file `id`. */
  hit(route: string, call: Caller, id: string): Promise<Hit>;
  /** Lists the stored files' ids. */
  list(call: Caller): Promise<string[]>;
  retrieveStatus(call: Caller, id: string): Promise<number>;
  /** The body of an injected 503, in the API's error format. */
  injected503: unknown;
}

/**
 * The requests both APIs answer alike: upload (`fields`, then a small file), list, retrieve,
 * delete and content.
 */
export function apiRequests(files: string, fields: Record<string, string>) {
  const parts: Part[] = [
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', filename: 'a.txt', data: 'hello' },
  ];
  const send = async (route: string, call: Caller, id: string): Promise<Hit> => {
    const answer =
      route === 'upload'
        ? await postForm(call, files, parts)
        : route === 'list'
          ? await call('GET', files)
          : route === 'retrieve'
            ? await call('GET', `${files}/${id}`)
            : route === 'delete'
              ? await call('DELETE', `${files}/${id}`)
              : await call('GET', `${files}/${id}/content`);
    return { status: answer.status, text: answer.text };
  };
  const upload = async (call: Caller): Promise<string> => {
    const answer = await postForm(call, files, parts);
    if (answer.status !== 200) throw new Error(`upload failed: ${answer.status}`);
    return answer.body.id;
  };
  const retrieveStatus = async (call: Caller, id: string): Promise<number> =>
    (await call('GET', `${files}/${id}`)).status;
  return { send, upload, retrieveStatus };
}

export function faultSuite(d: FaultDriver): void {
  describe(`${d.api} fault injection`, () => {
    it.each(d.routes)(
      'answers a scripted 503 with Retry-After on %s, in its format',
      async (route) => {
        const { call, server } = await startApi(d.api);
        const id = await d.upload(call);
        server.faults.add({ route: route as never, status: 503, retryAfter: 7 });
        const answer = await d.hit(route, call, id);
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.text)).toEqual(d.injected503);
        expect(server.faults.list()).toEqual([]);
        expect((await d.hit(route, call, id)).status).toBeLessThan(300);
      },
    );

    it.each(d.routes)('drops the connection on %s', async (route) => {
      const { call, server } = await startApi(d.api);
      const id = await d.upload(call);
      server.faults.add({ route: route as never, drop: true });
      await expect(d.hit(route, call, id)).rejects.toThrow(/fetch failed/);
      expect(server.requests().at(-1)).toMatchObject({ route, status: 0 });
    });

    it.each(d.routes)('answers a malformed 200 on %s', async (route) => {
      const { call, server } = await startApi(d.api);
      const id = await d.upload(call);
      server.faults.add({ route: route as never, malformed: 'invalid-json' });
      const answer = await d.hit(route, call, id);
      expect(answer.status).toBe(200);
      expect(() => JSON.parse(answer.text)).toThrow();
    });

    it('delays an answer (slow answers), and only for the file it names', async () => {
      const { call, server } = await startApi(d.api);
      const mine = await d.upload(call);
      const other = await d.upload(call);
      server.faults.add({ route: 'retrieve', delayMs: 150, fileId: mine });
      let started = performance.now();
      expect(await d.retrieveStatus(call, other)).toBe(200);
      expect(performance.now() - started).toBeLessThan(150);
      started = performance.now();
      expect(await d.retrieveStatus(call, mine)).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });

    it('stores the upload, then fails the answer (afterEffect): the file exists', async () => {
      const { call, server } = await startApi(d.api);
      server.faults.add({ route: 'upload', status: 503, afterEffect: true });
      await expect(d.upload(call)).rejects.toThrow(/upload failed: 503/);
      expect(await d.list(call)).toHaveLength(1);
      server.faults.add({ route: 'upload', drop: true, afterEffect: true });
      await expect(d.upload(call)).rejects.toThrow(/fetch failed/);
      expect(await d.list(call)).toHaveLength(2);
    });

    it('deletes, then drops the connection (afterEffect): the file is gone', async () => {
      const { call, server } = await startApi(d.api);
      const id = await d.upload(call);
      server.faults.add({ route: 'delete', drop: true, afterEffect: true, fileId: id });
      await expect(d.hit('delete', call, id)).rejects.toThrow(/fetch failed/);
      expect(await d.retrieveStatus(call, id)).toBe(404);
    });

    it('drops an upload after N bytes (nothing stored) and throttles one', async () => {
      const { call, server } = await startApi(d.api);
      server.faults.add({ route: 'upload', dropAfterBytes: 100 });
      await expect(d.upload(call)).rejects.toThrow(/fetch failed/);
      expect(await d.list(call)).toEqual([]);
      // The small test upload is under 1,000 bytes: at 2,000 B/s it takes at least a while.
      server.faults.add({ route: 'upload', throttleBytesPerSecond: 2000 });
      const started = performance.now();
      await d.upload(call);
      expect(performance.now() - started).toBeGreaterThanOrEqual(100);
      expect(await d.list(call)).toHaveLength(1);
    });

    it('takes faults through the control endpoint, on its own routes only', async () => {
      const { call, server } = await startApi(d.api, { control: true });
      const add = (faults: unknown[]) =>
        fetch(`${server.url}/_control/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ faults }),
        });
      const wrong = await add([{ route: 'complete', status: 500 }]);
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).error).toMatchObject({
        code: 'invalid_fault',
        message: expect.stringContaining(d.routes.join(', ')),
      });
      expect((await add([{ route: 'content', afterEffect: true, status: 500 }])).status).toBe(400);
      expect((await add([{ route: 'list', afterEffect: true }])).status).toBe(400);
      expect((await add([{ route: 'list', status: 429, retryAfter: 3 }])).status).toBe(200);
      const limited = await d.hit('list', call, '');
      expect(limited.status).toBe(429);
      const listed = await (await fetch(`${server.url}/_control/faults`)).json();
      expect(listed).toEqual({ faults: [] });
    });
  });
}
