/**
 * Uploads through toNodeListener go from the browser's socket to upstream's through the file
 * scan, with no stream between: upstream gets a body of the declared length (no chunked
 * framing) holding the file intact, and a malformed body is refused as through fetch.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { toNodeListener } from '../../../src/proxy/node/index.js';
import { makeProxy, read, startUpstream } from './helpers.js';
import { listen } from './listen.js';
import { field, filePart, MULTIPART, rawMultipart } from './multipart.js';

const LC = '/api/llamacloud';
const PATH = `${LC}/api/v1/beta/files`;

async function proxyTo(upstreamUrl: string): Promise<string> {
  const { proxy } = makeProxy(upstreamUrl, { api: 'llamacloud', basePath: LC });
  return (await listen(toNodeListener(proxy))).url;
}

/** An upstream that keeps what it received and answers 500 (the proxy's answer is not tested). */
async function recorder() {
  const seen: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
  const { url } = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(500).end();
    });
  });
  return { url, seen };
}

const post = (url: string, body: string) =>
  fetch(`${url}${PATH}`, {
    method: 'POST',
    headers: { 'x-user': 'alice', 'content-type': MULTIPART },
    body,
  });

describe('uploads through toNodeListener, socket to socket', () => {
  it('reach upstream with their length declared and the file intact', async () => {
    const upstream = await recorder();
    const url = await proxyTo(upstream.url);
    const file = 'x\r\n--not-the-boundary\r\n'.repeat(5000);
    for (const epilogue of ['\r\n', '', '\r\n\r\nsome epilogue']) {
      const body = `${rawMultipart([field('purpose', 'user_data'), filePart('a.txt', file)])}`;
      await post(url, body.replace(/\r\n$/, epilogue));
    }
    expect(upstream.seen).toHaveLength(3);
    for (const { headers, body } of upstream.seen) {
      expect(headers['transfer-encoding']).toBeUndefined();
      expect(Number(headers['content-length'])).toBe(body.byteLength);
      const boundary = /boundary=(.+)$/.exec(headers['content-type'] ?? '')?.[1];
      const text = body.toString('latin1');
      expect(text).toContain(`Content-Type: text/plain\r\n\r\n${file}\r\n--${boundary}--`);
    }
  });

  it('refuse a part after the file, a long epilogue and a truncated body (400)', async () => {
    const upstream = await startUpstream({ api: 'llamacloud' });
    const url = await proxyTo(upstream.url);
    const file = 'y'.repeat(200_000);
    const bodies = {
      'last part': rawMultipart([
        field('purpose', 'user_data'),
        filePart('a.txt', file),
        field('x', '1'),
      ]),
      'after the end': `${rawMultipart([field('purpose', 'user_data'), filePart('a.txt', file)])}${'z'.repeat(2000)}`,
      'ends early': rawMultipart([field('purpose', 'user_data'), filePart('a.txt', file)], false),
    };
    for (const [why, body] of Object.entries(bodies)) {
      const answer = await read(await post(url, body));
      expect(answer.status, why).toBe(400);
      expect(answer.body.error.code).toBe('invalid_multipart');
      expect(answer.body.error.message).toContain(why);
    }
    expect(upstream.requests().filter((r) => r.status === 200)).toHaveLength(0);
  });
});
