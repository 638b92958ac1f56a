/** Messages between `computeMd5` and its Worker, and between that Worker and its reader. */
export type WorkerRequest =
  | {
      type: 'hash';
      blob: Blob;
      chunkSize: number;
      /** How this Worker was started, so it can start its reader from its own script the same way. */
      workerType: WorkerType;
    }
  /** To the reader the hashing Worker starts: relay `blob` over `port` (see md5-relay.ts). */
  | { type: 'read'; blob: Blob; port: MessagePort };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; loaded: number; total: number }
  /** `reader`: whether a second Worker read the file (else the hashing Worker read it itself). */
  | { type: 'done'; md5: string; reader: boolean }
  | { type: 'error'; message: string };
