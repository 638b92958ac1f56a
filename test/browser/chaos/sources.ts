/** Seeded source files for the chaos run: sizes from 1 B to 8 MiB, content from a PRNG, with their MD5. */
import { md5 } from 'hash-wasm';

export interface Source {
  file: File;
  md5: string;
}

export const MiB = 1024 * 1024;

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mostly small files, some medium, a few large; the first two are the extremes (1 B, 8 MiB). */
export function chaosSizes(count: number, random: () => number): number[] {
  const sizes = [1, 8 * MiB];
  while (sizes.length < count) {
    const pick = random();
    if (pick < 0.6) sizes.push(1 + Math.floor(random() * 16 * 1024));
    else if (pick < 0.92) sizes.push(16 * 1024 + Math.floor(random() * (MiB - 16 * 1024)));
    else sizes.push(MiB + Math.floor(random() * 7 * MiB));
  }
  return sizes;
}

function bytes(size: number, random: () => number): Uint8Array<ArrayBuffer> {
  const words = new Uint32Array(Math.ceil(size / 4));
  for (let i = 0; i < words.length; i += 1) words[i] = (random() * 4294967296) >>> 0;
  return new Uint8Array(words.buffer, 0, size);
}

export async function chaosSources(count: number, seed: number): Promise<Source[]> {
  const random = prng(seed);
  const sizes = chaosSizes(count, random);
  const sources: Source[] = [];
  for (const [i, size] of sizes.entries()) {
    const data = bytes(size, random);
    const name = `chaos-${String(i).padStart(3, '0')}-${size}.bin`;
    sources.push({
      file: new File([data], name, { type: 'application/octet-stream' }),
      md5: await md5(data),
    });
  }
  return sources;
}
