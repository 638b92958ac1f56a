// Served to the bare MD5 worker of the page (P1's baseline): hash-wasm's MD5 and nothing else.
export { createMD5 } from 'hash-wasm';
