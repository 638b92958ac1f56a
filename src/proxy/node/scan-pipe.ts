/**
 * An upload's remaining bytes from the browser's request to the upstream request, through the
 * file scan, in the socket's own 'data' handler: nothing per chunk but the scan and the write
 * (no stream read, promise or copy), with backpressure from the upstream socket's 'drain'.
 * Resolves once the body is sent; rejects when the scan refuses it, either side fails or the
 * upstream request closes first. What still arrives after a failure is discarded.
 */
import type { ClientRequest } from 'node:http';
import type { FileScan } from '../file-scan.js';
import type { TakenBody } from './body-stream.js';

const view = (chunk: Buffer): Uint8Array =>
  new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export function pipeScanned(up: ClientRequest, body: TakenBody, scan: FileScan): Promise<void> {
  const { req } = body;
  return new Promise<void>((resolve, reject) => {
    let full = false;
    let settled = false;
    const send = (bytes: Uint8Array): void => {
      if (!up.write(bytes)) full = true;
    };
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', finish);
      up.off('drain', onDrain);
      up.off('close', onClose);
      if (error) {
        req.resume();
        reject(error);
      } else resolve();
    };
    const refused = (): void => finish(new Error(scan.failure()?.message ?? 'Invalid upload.'));
    const onData = (chunk: Buffer): void => {
      if (!scan.push(view(chunk), send)) refused();
      else if (full) req.pause();
    };
    const onDrain = (): void => {
      full = false;
      if (!settled) req.resume();
    };
    const onEnd = (): void => {
      if (!scan.end(send)) return void refused();
      up.end();
      finish();
    };
    const onClose = (): void => finish(new Error('the upstream connection closed'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', finish);
    up.on('drain', onDrain);
    up.once('close', onClose);
    // The proxy's leading parts and what already arrived go out in one write.
    up.cork();
    let ok = scan.start(send);
    for (const chunk of body.pending) if (ok) ok = scan.push(view(chunk), send);
    process.nextTick(() => up.uncork());
    if (!ok) refused();
    else if (body.ended) onEnd();
    else if (!full) req.resume();
  });
}
