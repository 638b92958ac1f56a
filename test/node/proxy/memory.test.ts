/**
 * A 200 MiB multipart upload through the proxy grows the proxy's memory by at most 64 MiB: the
 * file streams through one chunk at a time and is never buffered. The proxy runs in a process of
 * its own (fixtures/proxy-process.ts) so the figure is the proxy's, not the test client's or the
 * reference server's; the bytes arrive intact at the LlamaCloud reference server (MD5 compared).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_KEY, startUpstream } from './helpers.js';

const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const CHUNK = 256 * 1024;

function startProxyProcess(upstream: string): Promise<{ child: ChildProcess; port: number }> {
  const fixture = fileURLToPath(new URL('./fixtures/proxy-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, UPSTREAM: upstream, API_KEY },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`proxy process exited with ${code}`)));
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

/** A multipart body generated on the fly (the file never exists whole), hashing what it sends. */
function generatedUpload(boundary: string, hash: ReturnType<typeof createHash>) {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  let produced = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced < 0) {
        produced = 0;
        controller.enqueue(head);
      } else if (produced >= SIZE) {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      } else {
        const chunk = new Uint8Array(CHUNK).fill((produced / CHUNK) % 251);
        chunk[0] = produced & 0xff; // varied bytes: a lost or reordered chunk shows in the MD5
        hash.update(chunk);
        produced += CHUNK;
        controller.enqueue(chunk);
      }
    },
  });
}

describe('proxy memory', () => {
  it('streams a 200 MiB multipart upload with ≤ 64 MiB memory growth', async (ctx) => {
    const upstream = await startUpstream({ api: 'llamacloud' });
    const { child, port } = await startProxyProcess(upstream.url);
    try {
      const hash = createHash('md5');
      const boundary = 'memoryboundary';
      await ask(child, 'start');
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/llamacloud/api/v1/beta/files`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-user': 'alice' },
        body: generatedUpload(boundary, hash),
        duplex: 'half',
        // Node 20's fetch tees a streamed body unless redirects are errors, and keeps every byte
        // of the unread branch (nodejs/undici#4058); the proxy does the same upstream.
        redirect: 'error',
      } as RequestInit);
      const answer = await response.json();
      const seconds = (Date.now() - started) / 1000;
      const { baseline, peak } = await ask<{ baseline: number; peak: number }>(child, 'stop');
      const growthMiB = Math.round(((peak - baseline) / MiB) * 10) / 10;
      Object.assign(ctx.task.meta, { proxyMemory: { growthMiB, seconds } });
      console.log(
        `proxy memory: 200 MiB upload in ${seconds.toFixed(1)} s, proxy RSS growth ${growthMiB} MiB`,
      );
      expect(response.status).toBe(200);
      expect(answer.name).toBe('big.bin');
      const files = (await (await fetch(`${upstream.url}/_control/files`)).json()).files;
      expect(files[0].sizeBytes).toBe(SIZE);
      expect(files[0].md5).toBe(hash.digest('hex'));
      expect(growthMiB).toBeLessThanOrEqual(64);
    } finally {
      child.removeAllListeners('exit');
      child.kill();
    }
  }, 120_000);
});
