/**
 * Persistence: one JSON document per file under `files/`, bytes under `blobs/`, the URL signing
 * secret, and which API the data belongs to (`api`), all in the data dir. Every metadata write goes to a temporary file first and is
 * renamed over the old one, so a crash leaves either the old or the new version, never half.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileStatus, Purpose } from '../core/lightfield/schemas.js';

/** What the server keeps about a file; the wire shape is derived from it (see file-view.ts). */
export interface StoredFile {
  id: string;
  /** The name shown to clients (stamped for knowledge purposes). */
  filename: string;
  /** The name the client sent; knowledge collisions compare it. */
  originalFilename: string;
  mimeType: string;
  sizeBytes: number;
  /** Kept internally for the knowledge rules; never returned by the API. */
  purpose: Purpose | null;
  status: FileStatus;
  createdAt: string;
  completedAt: string | null;
  /** When the PENDING session ends; kept after the session ends for the control endpoint. */
  sessionExpiresAt: string;
  /** Bytes stored by a successful PUT (0 until then). */
  receivedBytes: number;
  /** MD5 of the stored bytes, or null before a successful PUT. */
  md5: string | null;
  /** Creation order, to sort files created in the same millisecond. */
  seq: number;
}

/** `rm` options for a folder that a request still in flight may still write into. */
const RACING_WRITES = { maxRetries: 10, retryDelay: 20 };

export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** What every service's stored record has: an id and a creation sequence number. */
export interface StoredRecord {
  id: string;
  seq: number;
}

export class FileStore<T extends StoredRecord = StoredFile> {
  readonly files = new Map<string, T>();
  /** Serialises writes per file so renames land in the order the changes were made. */
  private readonly pending = new Map<string, Promise<void>>();
  private seq = 0;

  private constructor(
    readonly dir: string,
    readonly temporary: boolean,
  ) {}

  /**
   * Opens (or creates) the data dir for `api`. A dir written by another API is refused: its
   * records have another shape. Dirs from before the marker existed hold Lightfield data.
   */
  static async open<T extends StoredRecord = StoredFile>(
    dataDir: string | undefined,
    api = 'lightfield',
  ): Promise<FileStore<T>> {
    const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'filedock-server-')));
    const store = new FileStore<T>(dir, dataDir === undefined);
    await mkdir(join(dir, 'files'), { recursive: true });
    await mkdir(join(dir, 'blobs'), { recursive: true });
    // Folders a reset moved aside and a crash kept it from deleting (see `clear`).
    for (const name of await readdir(dir))
      if (name.endsWith('.cleared')) await rm(join(dir, name), { recursive: true, force: true });
    await store.claim(api);
    await store.load();
    return store;
  }

  private async claim(api: string): Promise<void> {
    const path = join(this.dir, 'api');
    let owner: string | undefined;
    try {
      owner = (await readFile(path, 'utf8')).trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if ((await readdir(join(this.dir, 'files'))).length > 0) owner = 'lightfield';
    }
    if (owner !== undefined && owner !== api)
      throw new Error(
        `The data dir ${this.dir} holds ${owner} data; start a ${api} server on another.`,
      );
    if (owner === undefined) await writeFileAtomic(path, `${api}\n`);
  }

  /** The signing secret: persisted with the data, so upload and download URLs survive a restart. */
  async secret(): Promise<Buffer> {
    const path = join(this.dir, 'secret');
    try {
      const existing = await readFile(path);
      if (existing.length >= 32) return existing;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const fresh = randomBytes(32);
    await writeFileAtomic(path, fresh);
    return fresh;
  }

  blobPath(id: string): string {
    return join(this.dir, 'blobs', `${id}.bin`);
  }

  /** A unique temporary path for an in-flight PUT, renamed onto blobPath when complete. */
  partPath(id: string): string {
    return join(this.dir, 'blobs', `${id}.${randomBytes(6).toString('hex')}.part`);
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  async save(file: T): Promise<void> {
    this.files.set(file.id, file);
    const snapshot = JSON.stringify(file, null, 2);
    const path = join(this.dir, 'files', `${file.id}.json`);
    const previous = this.pending.get(file.id) ?? Promise.resolve();
    const next = previous.then(() => writeFileAtomic(path, snapshot));
    this.pending.set(
      file.id,
      next.catch(() => undefined),
    );
    await next;
  }

  async removeBlob(id: string): Promise<void> {
    await rm(this.blobPath(id), { force: true });
  }

  /** Forgets a file: its record and its bytes, on disk too. */
  async remove(id: string): Promise<void> {
    this.files.delete(id);
    const path = join(this.dir, 'files', `${id}.json`);
    const previous = this.pending.get(id) ?? Promise.resolve();
    const next = previous.then(() => rm(path, { force: true }));
    this.pending.set(
      id,
      next.catch(() => undefined),
    );
    await next;
    await this.removeBlob(id);
  }

  /** Deletes every file and blob (control reset). */
  async clear(): Promise<void> {
    await Promise.all(this.pending.values());
    this.files.clear();
    this.pending.clear();
    for (const sub of ['files', 'blobs']) {
      // Moved aside before it is deleted: a request still in flight then writes into the fresh
      // folder (or fails), never into the one being deleted, which would make that delete fail.
      const cleared = join(this.dir, `${sub}.${randomBytes(6).toString('hex')}.cleared`);
      await rename(join(this.dir, sub), cleared);
      await mkdir(join(this.dir, sub), { recursive: true });
      await rm(cleared, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.pending.values());
    if (this.temporary) await rm(this.dir, { recursive: true, force: true, ...RACING_WRITES });
  }

  private async load(): Promise<void> {
    const dir = join(this.dir, 'files');
    for (const name of await readdir(dir)) {
      if (name.endsWith('.tmp')) {
        await rm(join(dir, name), { force: true }); // a write interrupted by a crash
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const file = JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
      this.files.set(file.id, file);
      this.seq = Math.max(this.seq, file.seq);
    }
    for (const name of await readdir(join(this.dir, 'blobs'))) {
      if (name.endsWith('.part')) await rm(join(this.dir, 'blobs', name), { force: true });
    }
  }
}
