/**
 * The MD5 page of the e2e suite (md5-worker.test.ts): filedock's checksum module as the browser
 * runs it (the Worker built by Vite from `new Worker(new URL(…))`), exposed on `window.__md5` so
 * the test can hash Blobs made in the page, in whichever engine runs it.
 */
import { md5 as oneShot } from 'hash-wasm';
import { createMD5 } from '../../../src/core/checksum/hasher.js';
import { computeMd5 } from '../../../src/core/checksum/md5.js';
import { hashBlobChunks } from '../../../src/core/checksum/md5-stream.js';

declare global {
  interface Window {
    __md5: {
      computeMd5: typeof computeMd5;
      hashBlobChunks: typeof hashBlobChunks;
      createMD5: typeof createMD5;
      oneShot: typeof oneShot;
    };
  }
}

window.__md5 = { computeMd5, hashBlobChunks, createMD5, oneShot };
document.querySelector('[data-md5-ready]')?.setAttribute('data-md5-ready', 'yes');
