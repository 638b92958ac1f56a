export {
  computeMd5,
  computeMd5OnMainThread,
  type Md5Options,
  type Md5WorkerKind,
  setMd5WorkerUrl,
} from './md5.js';
export { DEFAULT_CHUNK_SIZE } from './md5-stream.js';
