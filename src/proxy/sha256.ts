/**
 * SHA-256 of a short text as base64url, for the proxy's per-request keys. Node (and Bun, Deno)
 * hash synchronously through `node:crypto`, reached with `process.getBuiltinModule` so this module
 * imports no Node built-in and still loads on edge runtimes, which use Web Crypto instead. Web
 * Crypto's digest is asynchronous: on Node each call crosses to the thread pool and back, several
 * times the cost of hashing a few dozen bytes, and the proxy hashes on every keyed create.
 */
type NodeHash = (text: string) => string;

interface NodeCrypto {
  createHash(algorithm: 'sha256'): {
    update(text: string, encoding: 'utf8'): { digest(encoding: 'base64url'): string };
  };
}

function nodeHash(): NodeHash | undefined {
  const proc = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
  ).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto');
  if (!crypto || typeof crypto.createHash !== 'function') return undefined;
  return (text) => crypto.createHash('sha256').update(text, 'utf8').digest('base64url');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The Web Crypto route, for runtimes without `node:crypto`. */
export async function webSha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url(new Uint8Array(digest));
}

const sync = nodeHash();

/** SHA-256 of `text` (UTF-8) as unpadded base64url; synchronous where the runtime allows. */
export function sha256Base64url(text: string): string | Promise<string> {
  return sync ? sync(text) : webSha256(text);
}
