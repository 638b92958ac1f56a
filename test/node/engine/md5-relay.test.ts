/**
 * The two halves of the MD5 Worker's relay (a reader fills buffers, the hasher hashes them and
 * hands them back) over a real MessageChannel, as between the two Workers in a browser.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMD5 } from '../../../src/core/checksum/hasher.js';
import {
  hashFromRelay,
  type RelayControl,
  type RelayData,
  type RelayPort,
  relayBlob,
} from '../../../src/core/checksum/md5-relay.js';

const KiB = 1024;
const data = new Uint8Array(3 * 1024 * KiB + 7).map((_, i) => (i * 31 + (i >> 9)) % 251);
const expected = createHash('md5').update(data).digest('hex');

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A channel whose two ends are typed for the reader and the hasher. */
function channel() {
  const { port1, port2 } = new MessageChannel();
  channels.push({ port1, port2 } as MessageChannel);
  return {
    reader: port1 as unknown as RelayPort<RelayControl, RelayData>,
    hasher: port2 as unknown as RelayPort<RelayData, RelayControl>,
  };
}

async function hasher() {
  const md5 = await createMD5();
  md5.init();
  return md5;
}

/**
 * A Blob-like whose stream serves `bytes` in pieces of `piece` bytes (a byte stream, so BYOB
 * readers work, unless `byteStream` is false), counting pulls and noting cancellation.
 */
function countedBlob(bytes: Uint8Array, { piece = 100_003, byteStream = true } = {}) {
  const seen = { pulls: 0, cancelled: false, pullsAtCancel: -1 };
  let at = 0;
  const pull = (controller: ReadableStreamController<Uint8Array>): void => {
    seen.pulls += 1;
    if (at >= bytes.length) {
      controller.close();
      // A byte stream closed under a pending BYOB read must answer it (the spec's respond(0)).
      if ('byobRequest' in controller) controller.byobRequest?.respond(0);
      return;
    }
    const end = Math.min(bytes.length, at + piece);
    controller.enqueue(bytes.slice(at, end));
    at = end;
  };
  const cancel = (): void => {
    seen.cancelled = true;
    seen.pullsAtCancel = seen.pulls;
  };
  const blob = {
    size: bytes.length,
    stream: () =>
      byteStream
        ? new ReadableStream({ type: 'bytes', pull, cancel })
        : new ReadableStream<Uint8Array>({ pull, cancel }),
  } as unknown as Blob;
  return { blob, seen };
}

describe('relayBlob → hashFromRelay', () => {
  it.each([
    ['a BYOB reader', true],
    ['a default reader', false],
  ])(
    'with %s, the digest of a multi-buffer file of odd sizes equals node:crypto, with progress every chunkSize bytes',
    async (_, byteStream) => {
      const { blob } = countedBlob(data, { byteStream });
      const ports = channel();
      const progress: number[] = [];
      const reading = relayBlob(blob, ports.reader, { bufferSize: 256 * KiB + 3, buffers: 3 });
      const digest = await hashFromRelay(ports.hasher, await hasher(), {
        total: data.length,
        chunkSize: KiB * KiB,
        onProgress: (loaded) => progress.push(loaded),
      });
      await reading;
      expect(digest).toBe(expected);
      // Buffers of 256 KiB + 3 do not land on MiB boundaries: progress comes at the first buffer
      // that completes another MiB (the 4th and the 8th), then once at the end.
      const buffer = 256 * KiB + 3;
      expect(progress).toEqual([4 * buffer, 8 * buffer, data.length]);
    },
  );

  it('a real Blob: the digest equals node:crypto, and an empty Blob hashes to the empty digest', async () => {
    for (const bytes of [data, new Uint8Array(0), data.subarray(0, 1)]) {
      const ports = channel();
      const reading = relayBlob(new Blob([bytes]), ports.reader, { bufferSize: 64 * KiB });
      const digest = await hashFromRelay(ports.hasher, await hasher(), {
        total: bytes.length,
        chunkSize: KiB * KiB,
      });
      await reading;
      expect(digest).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('the reader never has more than `buffers` buffers out, and waits for one to come back', async () => {
    const { blob } = countedBlob(data);
    const ports = channel();
    let out = 0;
    let most = 0;
    const post = ports.reader.postMessage.bind(ports.reader);
    ports.reader.postMessage = (message, transfer) => {
      if (message.type === 'chunk') most = Math.max(most, ++out);
      post(message, transfer);
    };
    const onFree = (): void => {
      out -= 1;
    };
    const reading = relayBlob(blob, ports.reader, { bufferSize: 64 * KiB, buffers: 3 });
    const readerOnMessage = ports.reader.onmessage!;
    ports.reader.onmessage = (event) => {
      if (event.data.type === 'free') onFree();
      readerOnMessage(event);
    };
    // The reader fills buffers within microtasks while each message is a macrotask, so it is out
    // of buffers before the first one comes back.
    const digest = await hashFromRelay(ports.hasher, await hasher(), {
      total: data.length,
      chunkSize: KiB,
    });
    await reading;
    expect(digest).toBe(expected);
    expect(most).toBe(3);
  });

  it('abort mid-read rejects with `aborted`, stops the reader and cancels its stream', async () => {
    const { blob, seen } = countedBlob(data, { piece: 16 * KiB });
    const ports = channel();
    const reading = relayBlob(blob, ports.reader, { bufferSize: 64 * KiB, buffers: 2 });
    const controller = new AbortController();
    const progress: number[] = [];
    const hashing = hashFromRelay(ports.hasher, await hasher(), {
      total: data.length,
      chunkSize: 64 * KiB,
      signal: controller.signal,
      onProgress: (loaded) => {
        progress.push(loaded);
        controller.abort();
      },
    });
    await expect(hashing).rejects.toMatchObject({ code: 'aborted' });
    // The reader resolves once it has stopped; nothing is read after the cancellation.
    await reading;
    expect(progress).toEqual([64 * KiB]);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBe(seen.pullsAtCancel);
    expect(seen.pulls * 16 * KiB).toBeLessThan(data.length);
  });

  it('an already aborted signal rejects at once and the reader stops before reading', async () => {
    const { blob, seen } = countedBlob(data);
    const ports = channel();
    const controller = new AbortController();
    controller.abort();
    const hashing = hashFromRelay(ports.hasher, await hasher(), {
      total: data.length,
      chunkSize: KiB,
      signal: controller.signal,
    });
    await expect(hashing).rejects.toMatchObject({ code: 'aborted' });
    await relayBlob(blob, ports.reader, { bufferSize: 64 * KiB, buffers: 2 });
    expect(seen.cancelled).toBe(true);
  });

  it('a read error reaches the hasher as a rejection with its message', async () => {
    let pulls = 0;
    const failing = {
      size: data.length,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulls += 1;
            if (pulls > 2) controller.error(new Error('NotReadableError: the file changed'));
            else controller.enqueue(data.slice(0, 1000));
          },
        }),
    } as unknown as Blob;
    const ports = channel();
    const reading = relayBlob(failing, ports.reader, { bufferSize: 64 * KiB });
    await expect(
      hashFromRelay(ports.hasher, await hasher(), { total: data.length, chunkSize: KiB }),
    ).rejects.toThrow('NotReadableError: the file changed');
    await reading;
  });

  it('fails when fewer bytes arrive than the Blob claimed (the file shrank)', async () => {
    const { blob } = countedBlob(data.subarray(0, 5000));
    const lying = { size: 9000, stream: blob.stream } as unknown as Blob;
    const ports = channel();
    const reading = relayBlob(lying, ports.reader);
    await expect(
      hashFromRelay(ports.hasher, await hasher(), { total: 9000, chunkSize: KiB }),
    ).rejects.toThrow('The file became shorter while it was read.');
    await reading;
  });
});
