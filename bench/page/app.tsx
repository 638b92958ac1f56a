/**
 * The page every browser figure runs in. It exposes `window.bench` so the driver can mount
 * filedock, time a bare XHR PUT and a bare worker MD5 of the same file, and read counters.
 * Files always arrive through real `<input type=file>` elements (Playwright `setInputFiles`).
 */
import { Profiler, StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  clearAllResumeJournals,
  createLightfieldClient,
  createLlamaCloudClient,
  createXaiClient,
  computeMd5,
  FilesProvider,
  FileUploader,
  useFileUpload,
} from '../../src/index.js';

interface MountOptions {
  checksum: boolean;
  concurrency?: number;
  expected: number;
  /** The API base the client talks to: the reference server (default) or the same-origin proxy. */
  apiBase?: string;
  /** Resume on: journal and small files' bytes in IndexedDB (emptied before mounting). */
  resume?: boolean;
  /** useFileUpload with a plain file input and no list (P6p's headless peers' counterpart). */
  headless?: boolean;
}

/** filedock without UI: `useFileUpload` fed by a plain input, as an app drawing its own list. */
function Headless(props: {
  checksum: boolean;
  concurrency?: number;
  onUploaded: () => void;
  onError: (error: { code: string }) => void;
}) {
  const upload = useFileUpload({
    checksum: props.checksum,
    ...(props.concurrency ? { concurrency: props.concurrency } : {}),
    onUploaded: props.onUploaded,
    onError: props.onError,
  });
  return (
    <input type="file" multiple onChange={(event) => upload.add([...(event.target.files ?? [])])} />
  );
}

interface Counters {
  commits: number;
  uploaded: number;
  failed: string[];
  /** performance.now() of the file input's change event, and of the last completion. */
  startedAt: number;
  doneAt: number;
  longTasks: { start: number; duration: number }[];
}

const counters: Counters = {
  commits: 0,
  uploaded: 0,
  failed: [],
  startedAt: 0,
  doneAt: 0,
  longTasks: [],
};
let root: Root | undefined;
let allDone: Promise<void> = Promise.resolve();
const apiUrl = new URLSearchParams(location.search).get('api') ?? '';
const headers = { Authorization: 'Bearer bench' };

new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    counters.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

// Capture phase on the document: runs before React's own listener sees the change.
document.addEventListener(
  'change',
  () => {
    counters.startedAt = performance.now();
  },
  true,
);

/**
 * P4's interactivity probe: when a Cancel button inside an upload item is clicked, records the
 * input's timestamp, when its handler ran, and the first frame after the item shows `cancelled`.
 */
let clickProbe: { input: number; handled: number; painted: number } | undefined;
document.addEventListener(
  'click',
  (event) => {
    const button = (event.target as Element).closest?.(
      '[data-filedock-upload] [data-action="cancel"]',
    );
    const item = button?.closest('[data-filedock-upload]');
    if (!item) return;
    const input = event.timeStamp;
    const handled = performance.now();
    const painted = () =>
      requestAnimationFrame(() => (clickProbe = { input, handled, painted: performance.now() }));
    const observer = new MutationObserver(() => {
      if (item.getAttribute('data-phase') !== 'cancelled') return;
      observer.disconnect();
      painted();
    });
    observer.observe(item, { attributes: true, attributeFilter: ['data-phase'] });
  },
  true,
);

async function mount(options: MountOptions): Promise<void> {
  if (options.resume) await clearAllResumeJournals();
  Object.assign(counters, { commits: 0, uploaded: 0, failed: [], startedAt: 0, doneAt: 0 });
  let resolve!: () => void;
  allDone = new Promise<void>((r) => (resolve = r));
  const settle = () => {
    if (counters.uploaded + counters.failed.length === options.expected) {
      counters.doneAt = performance.now();
      resolve();
    }
  };
  const client = createLightfieldClient({ baseURL: options.apiBase ?? apiUrl, headers });
  root = createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <FilesProvider client={client}>
        <Profiler
          id="uploader"
          onRender={() => {
            counters.commits += 1;
          }}
        >
          {options.headless ? (
            <Headless
              checksum={options.checksum}
              {...(options.concurrency ? { concurrency: options.concurrency } : {})}
              onUploaded={() => {
                counters.uploaded += 1;
                settle();
              }}
              onError={(error) => {
                counters.failed.push(error.code);
                settle();
              }}
            />
          ) : (
            <FileUploader
              checksum={options.checksum}
              {...(options.resume ? { resume: true } : {})}
              {...(options.concurrency ? { concurrency: options.concurrency } : {})}
              onUploaded={() => {
                counters.uploaded += 1;
                settle();
              }}
              onError={(error) => {
                counters.failed.push(error.code);
                settle();
              }}
            />
          )}
        </Profiler>
      </FilesProvider>
    </StrictMode>,
  );
  await new Promise<void>((r) => requestAnimationFrame(() => r()));
}

/** Resolves in the next task: a message, which no timer clamping or frame waits on. */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Resolves when the list shows `count` rows and the main thread then answers a task. */
async function rowsInteractive(count: number): Promise<number> {
  while (document.querySelectorAll('[data-filedock-upload]').length < count) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  await nextTask();
  return performance.now() - counters.startedAt;
}

/** A task after the next frame: by then the browser has reported every long task before it. */
async function settled(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(r));
  await nextTask();
  await new Promise((r) => requestAnimationFrame(r));
}

let bareChangeAt = 0;
document.addEventListener(
  'change',
  (event) => {
    if ((event.target as HTMLElement).id === 'bare') bareChangeAt = performance.now();
  },
  true,
);

/**
 * What any uploader must do before it can list or validate a pick: read each file's size once.
 * Call on a fresh pick of `#bare`, before anything else read a size.
 */
function bareSizesMs(): number {
  const start = performance.now();
  let bytes = 0;
  for (const file of inputFiles('bare')) bytes += file.size;
  return bytes >= 0 ? performance.now() - start : Number.NaN;
}

/**
 * The longest task since `since` once `#bare` (no listener of the app on it) has its picked files:
 * the platform's own cost of a pick, with no filedock code in it. Call once `change` fired.
 */
async function barePickTask(since: number): Promise<number> {
  const longest = () =>
    Math.max(
      0,
      ...counters.longTasks.filter((t) => t.start + t.duration >= since).map((t) => t.duration),
    );
  // Chromium reports long tasks a little after they end; a pick task under 50 ms is never reported,
  // so look for up to 60 frames (about a second) before calling it short.
  for (let frame = 0; frame < 60 && longest() === 0; frame += 1) await settled();
  return longest();
}

async function createSession(
  file: File,
): Promise<{ uploadUrl: string; uploadHeaders: Record<string, string> }> {
  const response = await fetch(`${apiUrl}/v1/files`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', 'Lightfield-Version': '2026-03-01' },
    body: JSON.stringify({
      filename: file.name,
      mimeType: 'application/octet-stream',
      sizeBytes: file.size,
    }),
  });
  if (!response.ok) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function xhrPut(
  session: { uploadUrl: string; uploadHeaders: Record<string, string> },
  body: Blob,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', session.uploadUrl);
    for (const [name, value] of Object.entries(session.uploadHeaders))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = () => undefined; // same preflight-free upload path filedock takes
    xhr.onload = () =>
      xhr.status < 300 ? resolve() : reject(new Error(`PUT answered ${xhr.status}`));
    xhr.onerror = () => reject(new Error('PUT failed'));
    xhr.send(body);
  });
}

/** A POST to the API with the headers filedock sends (so the same CORS preflights), as plain fetch. */
async function apiPost(path: string, body: object, base = apiUrl): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
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
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function inputFiles(id: string): File[] {
  return [...((document.getElementById(id) as HTMLInputElement).files ?? [])];
}

const bareWorkerSource = `
import { createMD5 } from './hash-wasm.js';
onmessage = async ({ data: file }) => {
  const md5 = await createMD5();
  md5.init();
  const step = 8 * 1024 * 1024;
  for (let at = 0; at < file.size; at += step) md5.update(new Uint8Array(await file.slice(at, at + step).arrayBuffer()));
  postMessage(md5.digest('hex'));
};`;

/** P2's two halves, each alone in a Worker: reading the file as a stream, and MD5 of bytes already in memory. */
const partsWorkerSource = `
import { createMD5 } from './hash-wasm.js';
onmessage = async ({ data: { file, part } }) => {
  const start = performance.now();
  if (part === 'read') {
    const reader = file.stream().getReader();
    while (!(await reader.read()).done);
  } else {
    const md5 = await createMD5();
    md5.init();
    const chunk = new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251);
    const begin = performance.now();
    for (let at = 0; at < file.size; at += chunk.length) md5.update(chunk.subarray(0, Math.min(chunk.length, file.size - at)));
    md5.digest('hex');
    postMessage(performance.now() - begin);
    return;
  }
  postMessage(performance.now() - start);
};`;

/**
 * After a run of `files` uploads over `lanes` lanes: the mean time per file during which its lane had
 * no request in flight (lanes × span − Σ request durations, ÷ files), i.e. the client's own time
 * between requests. Preflights sit inside their request's entry. Call `keepRequestTimings` first.
 */
function laneIdlePerFile(lanes: number, files: number): number {
  const origin = new URL(apiUrl).origin;
  const proxied = `${location.origin}/api/`;
  const entries = performance
    .getEntriesByType('resource')
    .filter(
      (e) => e.name.startsWith(origin) || e.name.startsWith(proxied),
    ) as PerformanceResourceTiming[];
  const first = Math.min(...entries.map((e) => e.startTime));
  const last = Math.max(...entries.map((e) => e.responseEnd));
  const busy = entries.reduce((sum, e) => sum + (e.responseEnd - e.startTime), 0);
  return (lanes * (last - first) - busy) / files;
}

/**
 * P4's list floor, no filedock code: the same pick rendered by React in one render, each row
 * holding only what the DOM contract asks of an upload item (name, size, a status badge with
 * `data-status`, a `role=progressbar` with `aria-valuenow`, a named Cancel button), unstyled.
 * Resolves once the rows are in the DOM and a task has run after them, timed from `change`.
 */
function BareList({ onRendered }: { onRendered: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const size = useMemo(
    () =>
      new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }),
    [],
  );
  useEffect(() => {
    if (files.length > 0) onRendered();
  }, [files, onRendered]);
  return (
    <>
      <input
        id="bare-list"
        type="file"
        multiple
        onChange={(event) => setFiles([...(event.target.files ?? [])])}
      />
      <ul>
        {files.map((file, i) => (
          <li key={i} data-filedock-upload="" data-phase="queued">
            <span>{file.name}</span> <span>{size.format(file.size / 1024)}</span>{' '}
            <span data-status="queued">Queued</span>
            <div
              role="progressbar"
              aria-label={`Upload of ${file.name}`}
              aria-valuenow={0}
              aria-valuemin={0}
              aria-valuemax={100}
            />
            <button type="button">Cancel upload of {file.name}</button>
          </li>
        ))}
      </ul>
    </>
  );
}

function mountBareList(): Promise<number> {
  root = createRoot(document.getElementById('root')!);
  return new Promise((resolveMs) => {
    const rendered = () => {
      void nextTask().then(() => resolveMs(performance.now() - counters.startedAt));
    };
    root!.render(<BareList onRendered={rendered} />);
  });
}

let bareListDone: Promise<number> = Promise.resolve(Number.NaN);

type DirectApi = 'llamacloud' | 'xai';
const directUrls: Record<DirectApi, string> = {
  llamacloud: new URLSearchParams(location.search).get('llamacloud') ?? '',
  xai: new URLSearchParams(location.search).get('xai') ?? '',
};
/** The one-request upload path and the form fields before the file, as each service documents. */
const DIRECT_PATH: Record<DirectApi, string> = {
  llamacloud: '/api/v1/beta/files',
  xai: '/v1/files',
};

/**
 * P8: the `#bare` file in one multipart request, through filedock's client (`files.upload`) or a
 * bare XHR with FormData (purpose, then the file, as the client sends them), to the reference
 * server directly (cross-origin) or to filedock/proxy on this page's origin. Timed end to end.
 */
async function directUpload(
  api: DirectApi,
  via: 'filedock' | 'bare',
  through: 'direct' | 'proxy',
): Promise<number> {
  const file = inputFiles('bare')[0]!;
  const base = through === 'proxy' ? `${location.origin}/api/${api}` : directUrls[api];
  const purpose = api === 'llamacloud' ? 'user_data' : 'assistants';
  const onProgress = () => undefined;
  const client =
    api === 'llamacloud'
      ? createLlamaCloudClient({ baseURL: base, headers })
      : createXaiClient({ baseURL: base, headers });
  // An app makes its client at start-up: its lazy transport chunk is loaded before any upload.
  if (via === 'filedock') await client.files.retrieve('file-warm-up').catch(() => undefined);
  const start = performance.now();
  if (via === 'filedock') {
    await client.files.upload(file, { purpose }, { onProgress });
  } else {
    await new Promise<void>((resolve, reject) => {
      const form = new FormData();
      form.append('purpose', purpose);
      form.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base}${DIRECT_PATH[api]}`);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = onProgress;
      xhr.onload = () =>
        xhr.status < 300 ? resolve() : reject(new Error(`upload answered ${xhr.status}`));
      xhr.onerror = () => reject(new Error('upload failed'));
      xhr.send(form);
    });
  }
  return performance.now() - start;
}

const bench = {
  mount,
  directUpload,
  /** Mounts BareList; the promise resolves with its time to 1,000 rows once a pick lands on #bare-list. */
  mountBareList: () => {
    bareListDone = mountBareList();
    return new Promise<void>((r) => requestAnimationFrame(() => r()));
  },
  bareListInteractive: () => bareListDone,
  unmount() {
    root?.unmount();
    root = undefined;
  },
  counters: () => ({ ...counters, longTasks: [...counters.longTasks] }),
  waitDone: () => allDone.then(() => ({ ms: counters.doneAt - counters.startedAt, ...counters })),
  rowsInteractive,
  /** The click probe's times relative to the pick's `change`, once a Cancel click has been painted. */
  clickProbe: () =>
    clickProbe
      ? {
          inputAt: clickProbe.input - counters.startedAt,
          delay: clickProbe.handled - clickProbe.input,
          paintedAt: clickProbe.painted - counters.startedAt,
        }
      : undefined,
  laneIdlePerFile,
  /** The default buffer holds 250 entries; a run of 100 files makes 300 requests. */
  keepRequestTimings: () => performance.setResourceTimingBufferSize(10_000),
  barePickTask,
  /** Whether `#bare` has fired `change` since the page loaded. */
  bareChanged: () => bareChangeAt > 0,
  bareSizesMs,
  /** One bare XHR PUT of the `#bare` file; only the PUT is timed. */
  async barePut(): Promise<number> {
    const file = inputFiles('bare')[0]!;
    const session = await createSession(file);
    const start = performance.now();
    await xhrPut(session, file);
    return performance.now() - start;
  },
  /**
   * P1b's contract floor, no filedock code: create (fetch) → XHR PUT → complete (fetch) of the
   * `#bare` file, timed end to end, as the protocol asks of any client.
   */
  async bareFlow(): Promise<number> {
    const file = inputFiles('bare')[0]!;
    const start = performance.now();
    const session = (await apiPost('/v1/files', {
      filename: file.name,
      mimeType: 'application/octet-stream',
      sizeBytes: file.size,
    })) as { id: string; uploadUrl: string; uploadHeaders: Record<string, string> };
    await xhrPut(session, file);
    await apiPost(`/v1/files/${session.id}/complete`, {});
    return performance.now() - start;
  },
  /** Bare PUTs of every `#bare` file, `concurrency` at a time; sessions are made beforehand. */
  async barePutMany(concurrency: number): Promise<number> {
    const files = inputFiles('bare');
    const sessions = await Promise.all(files.map(createSession));
    let next = 0;
    const start = performance.now();
    const lane = async () => {
      while (next < files.length) {
        const index = next++;
        await xhrPut(sessions[index]!, files[index]!);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return performance.now() - start;
  },
  /**
   * P6's contract floor, no filedock code: per `#bare` file, `concurrency` at a time, create → PUT
   * → complete with the MD5 (hash-wasm on this thread, as filedock does below 1 MiB), each API call
   * a plain fetch with the headers filedock sends, so the same CORS preflights. Timed end to end.
   */
  async floorMany(concurrency: number, base?: string): Promise<number> {
    const files = inputFiles('bare');
    const { createMD5 } = await import('./hash-wasm.js');
    (await createMD5()).init(); // compile the wasm before timing, as a warm widget would have
    const post = (path: string, body: object) => apiPost(path, body, base);
    const md5Of = async (file: File) => {
      const hasher = await createMD5();
      hasher.init();
      hasher.update(new Uint8Array(await file.arrayBuffer()));
      return hasher.digest('hex');
    };
    let next = 0;
    const start = performance.now();
    const lane = async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const [session, md5] = await Promise.all([
          post('/v1/files', {
            filename: file.name,
            mimeType: 'application/octet-stream',
            sizeBytes: file.size,
          }) as Promise<{ id: string; uploadUrl: string; uploadHeaders: Record<string, string> }>,
          md5Of(file),
        ]);
        await xhrPut(session, file);
        await post(`/v1/files/${encodeURIComponent(session.id)}/complete`, { md5 });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return performance.now() - start;
  },
  /** A minimal module worker: hash-wasm MD5 over 8 MiB slices, nothing else. */
  async bareMd5(): Promise<{ ms: number; md5: string }> {
    const file = inputFiles('bare')[0]!;
    const url = URL.createObjectURL(
      new Blob(
        [bareWorkerSource.replace('./hash-wasm.js', new URL('./hash-wasm.js', location.href).href)],
        { type: 'text/javascript' },
      ),
    );
    const worker = new Worker(url, { type: 'module' });
    const start = performance.now();
    const md5 = await new Promise<string>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data as string);
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage(file);
    });
    const ms = performance.now() - start;
    worker.terminate();
    URL.revokeObjectURL(url);
    return { ms, md5 };
  },
  /** ms a Worker takes to only read the `#bare` file as a stream, or to only hash as many bytes from memory. */
  async bareMd5Part(part: 'read' | 'hash'): Promise<number> {
    const file = inputFiles('bare')[0]!;
    const url = URL.createObjectURL(
      new Blob(
        [
          partsWorkerSource.replace(
            './hash-wasm.js',
            new URL('./hash-wasm.js', location.href).href,
          ),
        ],
        { type: 'text/javascript' },
      ),
    );
    const worker = new Worker(url, { type: 'module' });
    const ms = await new Promise<number>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data as number);
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ file, part });
    });
    worker.terminate();
    URL.revokeObjectURL(url);
    return ms;
  },
  /** The bare PUT and the bare MD5 started together: what this machine gives when both run at once. */
  async bareBoth(): Promise<number> {
    const start = performance.now();
    await Promise.all([bench.barePut(), bench.bareMd5()]);
    return performance.now() - start;
  },
  /** filedock's own `computeMd5` (worker) over the `#bare` file. */
  async filedockMd5(chunkSize?: number): Promise<{ ms: number; md5: string }> {
    const file = inputFiles('bare')[0]!;
    const start = performance.now();
    const md5 = await computeMd5(file, chunkSize ? { chunkSize } : {});
    return { ms: performance.now() - start, md5 };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
