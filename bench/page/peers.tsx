// @ts-nocheck: the peers' types live in bench/node_modules, installed on demand (npm run prebench).
/**
 * The peers' page (P6p, P4p): Uppy (core + aws-s3, one PUT per file) and react-uploady, driven
 * through their documented public APIs against the same Lightfield reference server as filedock.
 * Neither knows the create → PUT → complete protocol, so each gets it in its hooks: Uppy's
 * `signRequest` creates the session and returns its upload URL, its `upload-success` event sends
 * complete; react-uploady's `useRequestPreSend` creates the session and points the request at it,
 * its item-finish listener sends complete. Neither computes an MD5, so the hooks compute it as
 * filedock does below 1 MiB (hash-wasm on this thread, beside the create).
 *
 * Both check each picked file at the pick against the purpose rule filedock's uploader uses,
 * handed in by the figure: Uppy through its `restrictions` option (`minFileSize`, `maxFileSize`,
 * `allowedFileTypes`), react-uploady through Uploady's `fileFilter` prop. A file either peer refuses
 * counts as failed, so a figure whose files the rule refuses fails instead of timing less work.
 */
import { useRequestPreSend, useItemFinishListener, useUploady } from '@rpldy/uploady';
import Uploady from '@rpldy/uploady';
import UploadPreview from '@rpldy/upload-preview';
import AwsS3 from '@uppy/aws-s3';
import Uppy from '@uppy/core';
import Dashboard from '@uppy/react/dashboard';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

const apiUrl = new URLSearchParams(location.search).get('api') ?? '';
const headers = { Authorization: 'Bearer bench' };
const state = {
  startedAt: 0,
  doneAt: 0,
  completed: 0,
  failed: [] as string[],
  refused: [] as string[],
  expected: 0,
};
let allDone: Promise<void> = Promise.resolve();
let finish = () => undefined;
let count: () => number = () => 0;

/** The part of filedock's purpose rule checked at the pick (src/core/rules/purposes.ts). */
interface Rule {
  /** Allowed MIME types, exact and lower-case; undefined: any type. */
  mimeTypes?: readonly string[];
  minSize: number;
  maxSize: number;
}

/** A file a peer refused: it will never upload, so it settles as failed. */
function refuse(name: string, why: string): void {
  state.refused.push(`${name}: ${why}`);
  settle(`${name} refused at the pick: ${why}`);
}

document.addEventListener(
  'change',
  () => {
    state.startedAt ||= performance.now();
  },
  true,
);

async function post(path: string, body: object) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: {
      ...headers,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Lightfield-Version': '2026-03-01',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function md5Of(file: Blob): Promise<string> {
  const { createMD5 } = await import('./hash-wasm.js');
  const hasher = await createMD5();
  hasher.init();
  hasher.update(new Uint8Array(await file.arrayBuffer()));
  return hasher.digest('hex');
}

/** Create and MD5 side by side, as filedock and the floor do. */
async function createWithMd5(file: File) {
  const [session, md5] = await Promise.all([
    post('/v1/files', {
      filename: file.name,
      mimeType: file.type || 'application/octet-stream',
      sizeBytes: file.size,
    }),
    md5Of(file),
  ]);
  return { session, md5 };
}

function completed(id: string, md5: string): void {
  post(`/v1/files/${encodeURIComponent(id)}/complete`, { md5 }).then(
    () => settle(),
    (error) => settle(String(error)),
  );
}

function settle(error?: string): void {
  if (error) state.failed.push(error);
  else state.completed += 1;
  if (state.completed + state.failed.length === state.expected) {
    state.doneAt = performance.now();
    finish();
  }
}

function reset(expected: number): HTMLElement {
  Object.assign(state, {
    startedAt: 0,
    doneAt: 0,
    completed: 0,
    failed: [],
    refused: [],
    expected,
  });
  allDone = new Promise<void>((resolve) => (finish = resolve));
  const root = document.getElementById('root')!;
  root.replaceChildren();
  return root;
}

function mountUppy(o: {
  expected: number;
  concurrency: number;
  dashboard: boolean;
  rule: Rule;
}): void {
  const root = reset(o.expected);
  const sessions = new Map<string, { id: string; md5: string }>();
  // Uppy's documented restrictions, from filedock's rule: its minFileSize refuses below it (filedock's
  // minSize), its maxFileSize above it, and allowedFileTypes null (its default) allows any type.
  const uppy = new Uppy({
    autoProceed: true,
    restrictions: {
      minFileSize: o.rule.minSize,
      maxFileSize: o.rule.maxSize,
      allowedFileTypes: o.rule.mimeTypes ? [...o.rule.mimeTypes] : null,
    },
  });
  uppy.on('restriction-failed', (file, error) => refuse(file?.name ?? '?', String(error)));
  uppy.use(AwsS3, {
    shouldUseMultipart: false,
    limit: o.concurrency,
    generateObjectKey: (file) => file.id,
    async signRequest(request) {
      const file = uppy.getFile(request.key);
      const { session, md5 } = await createWithMd5(file.data as File);
      sessions.set(file.id, { id: session.id, md5 });
      return { url: session.uploadUrl, headers: session.uploadHeaders };
    },
  });
  uppy.on('upload-success', (file) => {
    const made = sessions.get(file!.id);
    if (made) completed(made.id, made.md5);
  });
  uppy.on('upload-error', (_file, error) => settle(String(error)));
  count = () => uppy.getFiles().length + state.refused.length;
  if (o.dashboard) {
    createRoot(root).render(<Dashboard uppy={uppy} height={600} />);
  } else {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true });
    input.id = 'peer-input';
    input.addEventListener('change', () => {
      uppy.addFiles(
        [...(input.files ?? [])].map((file) => ({
          name: file.name,
          type: file.type,
          data: file,
          source: 'bench',
        })),
      );
    });
    root.append(input);
  }
}

function UploadyHooks({ onCount }: { onCount: (n: number) => void }) {
  const sessions = new Map<string, { id: string; md5: string }>();
  const uploady = useUploady();
  useRequestPreSend(async ({ items }) => {
    const item = items[0];
    const { session, md5 } = await createWithMd5(item.file as File);
    sessions.set(item.id, { id: session.id, md5 });
    return {
      options: {
        destination: { url: session.uploadUrl, method: 'PUT', headers: session.uploadHeaders },
      },
    };
  });
  useItemFinishListener((item) => {
    const made = sessions.get(item.id);
    if (made) completed(made.id, made.md5);
  });
  useEffect(() => {
    const input = document.getElementById('peer-input') as HTMLInputElement;
    const onChange = () => {
      onCount(input.files?.length ?? 0);
      uploady.upload([...(input.files ?? [])]);
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [uploady, onCount]);
  return null;
}

function PreviewRow({ name }: { name: string }) {
  return <li data-peer-row="">{name}</li>;
}

/**
 * react-uploady's documented `fileFilter`, checking the rule as filedock does at the pick (its
 * react-dropzone `accept`, then `minSize` / `maxSize`): the type against the rule's list when it
 * has one, then the size.
 */
function ruleFilter(rule: Rule) {
  return (file: File | string): boolean => {
    if (typeof file === 'string') return true; // a URL to send: not a picked file
    if (rule.mimeTypes !== undefined && !rule.mimeTypes.includes(file.type.toLowerCase())) {
      refuse(file.name, `type ${file.type || '(none)'} is not allowed`);
      return false;
    }
    if (file.size < rule.minSize || file.size > rule.maxSize) {
      refuse(file.name, `${file.size} bytes is outside ${rule.minSize}–${rule.maxSize}`);
      return false;
    }
    return true;
  };
}

function mountUploady(o: {
  expected: number;
  concurrency: number;
  preview: boolean;
  rule: Rule;
}): void {
  const root = reset(o.expected);
  let added = 0;
  count = () => added;
  createRoot(root).render(
    <Uploady
      destination={{ url: apiUrl, method: 'PUT' }}
      sendWithFormData={false}
      fileFilter={ruleFilter(o.rule)}
      concurrent
      maxConcurrent={o.concurrency}
    >
      <input id="peer-input" type="file" multiple />
      <UploadyHooks onCount={(n) => (added = n)} />
      {o.preview ? (
        <ul>
          <UploadPreview
            fallbackUrl="data:,"
            PreviewComponent={PreviewRow}
            previewComponentProps={(item) => ({ name: item.file.name })}
          />
        </ul>
      ) : null}
    </Uploady>,
  );
}

/** The peer's list knows all `expected` files, shows rows, and the main thread answers a task. */
async function listInteractive(
  selector: string,
): Promise<{ ms: number; rows: number; refused: string[] }> {
  while (count() < state.expected || document.querySelectorAll(selector).length === 0)
    await new Promise((r) => requestAnimationFrame(r));
  let rows = -1;
  while (rows !== document.querySelectorAll(selector).length) {
    rows = document.querySelectorAll(selector).length;
    await new Promise((r) => requestAnimationFrame(r));
  }
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  return { ms: performance.now() - state.startedAt, rows, refused: state.refused };
}

window.peers = {
  mountUppy,
  mountUploady,
  listInteractive,
  waitDone: () =>
    allDone.then(() => ({ ms: state.doneAt - state.startedAt, failed: state.failed })),
};
