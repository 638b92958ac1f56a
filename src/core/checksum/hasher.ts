/**
 * The one place hash-wasm is imported from. `computeMd5OnMainThread` loads this module with a
 * dynamic import: importing `hash-wasm` itself dynamically would keep its whole namespace (every
 * algorithm, ~80 kB gzip) in the lazy chunk, while a named re-export lets bundlers keep MD5 alone.
 */
export { createMD5 } from 'hash-wasm';
