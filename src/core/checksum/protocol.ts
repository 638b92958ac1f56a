/** Messages between `computeMd5` and its Worker. */
export interface WorkerRequest {
  blob: Blob;
  chunkSize: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; md5: string }
  | { type: 'error'; message: string };
