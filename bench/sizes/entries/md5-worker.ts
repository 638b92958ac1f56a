// The lazy part: filedock's MD5 worker with hash-wasm, as the bundler emits it for `new Worker(new URL(…))`.
import '../../../src/core/checksum/md5.worker.js';
