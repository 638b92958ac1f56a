/**
 * A tiny upstream stub on an ephemeral port, for what the reference servers never do on purpose
 * (redirects, cookies, hop-by-hop headers) and for counting streamed bytes without keeping them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeAfter } from './helpers.js';

export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Body bytes received (the body itself is kept only when `keepBodies` is on). */
  bytes: number;
  body?: Buffer;
  /** Whether the body arrived complete (false when the sender aborted mid-way). */
  complete: boolean;
}

export interface Stub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(
  answer: (req: StubRequest, res: ServerResponse) => void,
  options: { keepBodies?: boolean } = {},
): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const entry: StubRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      bytes: 0,
      complete: false,
    };
    requests.push(entry);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.byteLength;
      if (options.keepBodies) chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      entry.complete = true;
      if (options.keepBodies) entry.body = Buffer.concat(chunks);
      answer(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return closeAfter({
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}
