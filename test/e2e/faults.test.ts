/**
 * Server faults a user can meet, injected by the reference server: each ends with what the user
 * sees and what the server holds. Timing is read from the server's request log, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { button, byRole, item, pick, waitPhase } from './support/dom.js';
import { binaryPayload, md5 } from './support/files.js';
import { useE2e } from './support/harness.js';

const KiB = 1024;
const ms = (iso: string | null): number => Date.parse(iso ?? 'invalid');

describe('faults', () => {
  const e2e = useE2e();

  it('cancels mid-PUT: the session is CANCELLED and never completed', async () => {
    await e2e.server.addFaults({ route: 'put', throttleBytesPerSecond: 64 * KiB });
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    // Small enough that the server, which drains what the socket already holds at the throttled pace,
    // is done with it long before the run ends.
    const file = binaryPayload('slow.bin', 'application/octet-stream', 512 * KiB, 11);
    await pick(tab, [file]);
    await waitPhase(tab, file.name, 'uploading');
    // The server is reading the PUT (throttled): it is really in flight.
    await e2e.server.until(
      () => e2e.server.requestsOn('put'),
      (puts) => puts.length === 1 && puts[0]!.endedAt === null,
      'the PUT to be in flight',
    );

    await tab.click(button(`Cancel upload of ${file.name}`));
    await waitPhase(tab, file.name, 'cancelled');
    const [held] = await e2e.server.until(
      e2e.server.files,
      (fs) => fs[0]?.status === 'CANCELLED',
      'the session to be CANCELLED',
    );
    expect(held!.receivedBytes).toBe(0); // storage kept nothing of the aborted body
    expect(await e2e.server.requestsOn('cancel')).toHaveLength(1);
    expect(await e2e.server.requestsOn('complete')).toEqual([]);
  });

  it('retries by hand after automatic retries are used up', async () => {
    // Three tries per step by default: fail all three, then let the fourth through.
    await e2e.server.addFaults({ route: 'put', status: 503, times: 3 });
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    const file = binaryPayload('flaky.bin', 'application/octet-stream', 200 * KiB, 12);
    await pick(tab, [file]);
    const failed = await waitPhase(tab, file.name, 'failed');
    expect(await tab.attr(failed, 'data-error-code')).toBe('service_unavailable'); // storage's 503, by its error type
    expect((await e2e.server.requestsOn('put')).map((r) => r.status)).toEqual([503, 503, 503]);
    // A failed upload leaves no dangling session: the engine cancels it on the server.
    const [first] = await e2e.server.until(
      e2e.server.files,
      (fs) => fs[0]?.status === 'CANCELLED',
      'the failed session to be CANCELLED',
    );

    await tab.click(button(`Retry upload of ${file.name}`));
    const done = await waitPhase(tab, file.name, 'completed');
    expect(await tab.attr(done, 'data-error-code')).toBeNull();
    const files = await e2e.server.files(); // newest first
    expect(files.map((f) => [f.id, f.status])).toEqual([
      [expect.not.stringMatching(first!.id), 'COMPLETED'],
      [first!.id, 'CANCELLED'],
    ]);
    expect(files[0]!.md5).toBe(md5(file.buffer));
    expect(await e2e.server.requestsOn('create')).toHaveLength(2);
    expect((await e2e.server.requestsOn('put')).map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect((await e2e.server.requestsOn('complete')).map((r) => r.fileId)).toEqual([files[0]!.id]);
  });

  it('recovers from a session that expired before its PUT', async () => {
    await e2e.server.addFaults({ route: 'put', expire: true });
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    const file = binaryPayload('late.bin', 'application/octet-stream', 150 * KiB, 13);
    await pick(tab, [file]);
    await waitPhase(tab, file.name, 'completed');

    const files = await e2e.server.files(); // newest first
    expect(files.map((f) => f.status)).toEqual(['COMPLETED', 'EXPIRED']);
    expect(files[0]!.md5).toBe(md5(file.buffer));
    expect(files[1]!.originalFilename).toBe(file.name);
    expect(await e2e.server.requestsOn('create')).toHaveLength(2);
    expect((await e2e.server.requestsOn('complete')).map((r) => r.fileId)).toEqual([files[0]!.id]);
  });

  it('waits out a 429 for at least its Retry-After, then completes', async () => {
    await e2e.server.addFaults({ route: 'create', status: 429, retryAfter: 2 });
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    const file = binaryPayload('patient.bin', 'application/octet-stream', 100 * KiB, 14);
    await pick(tab, [file]);
    await waitPhase(tab, file.name, 'completed');

    const creates = await e2e.server.requestsOn('create');
    expect(creates.map((r) => r.status)).toEqual([429, 200]);
    // From when the server took the 429's request: the answer reaches the browser after that, so a
    // client that waits out Retry-After always clears it. (The log stamps an answer's end on its
    // 'finish' event, which under load can run after the browser already has the answer.)
    const waited = ms(creates[1]!.startedAt) - ms(creates[0]!.startedAt);
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect((await e2e.server.files())[0]).toMatchObject({
      status: 'COMPLETED',
      md5: md5(file.buffer),
    });
  });

  it('recovers from a connection dropped mid-PUT', async () => {
    await e2e.server.addFaults({ route: 'put', dropAfterBytes: 64 * KiB });
    const tab = await e2e.open({ purpose: 'email_attachment', list: false });
    const file = binaryPayload('bumpy.bin', 'application/octet-stream', 512 * KiB, 15);
    await pick(tab, [file]);
    const done = await waitPhase(tab, file.name, 'completed');
    expect(await tab.attr(done, 'data-error-code')).toBeNull();

    const puts = await e2e.server.requestsOn('put');
    expect(puts.map((r) => r.status)).toEqual([0, 200]); // 0: the connection ended without an answer
    const files = await e2e.server.files();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      status: 'COMPLETED',
      md5: md5(file.buffer),
      receivedBytes: file.buffer.length,
    });
    expect(await tab.attr(byRole('progressbar', undefined, item(file.name)), 'aria-valuenow')).toBe(
      '100',
    );
  });
});
