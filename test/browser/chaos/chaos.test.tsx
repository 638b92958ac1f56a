/**
 * The chaos run: 200 uploads of mixed sizes (1 B … 8 MiB, seeded content) through useFileUpload
 * in Chromium against the reference server, with about a fifth of the requests faulted (5xx,
 * 429 with Retry-After, PUTs dropped mid-body, throttled PUTs, sessions expired under the
 * client). The invariants are read from the server's side, never from the client's own story.
 */
import { cleanup, render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import {
  createLightfieldClient,
  FilesProvider,
  useFileUpload,
  type UseFileUploadResult,
} from '../../../src/index.js';
import { buildChaosFaults } from './faults.js';
import {
  addFaults,
  armedFaults,
  requestLog,
  resetServer,
  serverFiles,
  serverUrl,
  watchPageErrors,
} from './control.js';
import { chaosSources, type Source } from './sources.js';

declare module 'vitest' {
  interface TaskMeta {
    /** The chaos run's counts, read by test/report/reliability-reporter.ts. */
    chaos?: Record<string, number>;
  }
}

const UPLOADS = 200;
const SETTLE_TIMEOUT_MS = 110_000;

afterEach(() => cleanup());

function Harness({ onReady }: { onReady: (api: UseFileUploadResult) => void }) {
  // Small backoff so the run stays inside its bound; Retry-After (1 s) is still honoured.
  const api = useFileUpload({
    concurrency: 6,
    retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 1500 },
  });
  useEffect(() => {
    onReady(api);
  });
  return (
    <output
      data-settled={
        api.uploads.filter((u) => u.phase === 'completed' || u.phase === 'failed').length
      }
    />
  );
}

it('200 uploads under ~20 % faults: every file COMPLETED intact or visibly failed with its session closed', async ({
  task,
}) => {
  const started = performance.now();
  await resetServer();
  const page = watchPageErrors();
  const sources: Source[] = await chaosSources(UPLOADS, 0xf11e_d0c);
  const faults = buildChaosFaults(0x5eed);
  await addFaults(faults);

  const client = createLightfieldClient({
    baseURL: serverUrl(),
    headers: { Authorization: 'Bearer sk_test_chaos' },
    retryBaseDelayMs: 20,
  });
  let api: UseFileUploadResult | undefined;
  render(
    <FilesProvider client={client}>
      <Harness onReady={(value) => (api = value)} />
    </FilesProvider>,
  );
  await vi.waitFor(() => expect(api).toBeDefined());
  const localIds = api!.add(sources.map((s) => s.file));
  const byLocalId = new Map(localIds.map((id, i) => [id, sources[i]!]));

  await vi.waitFor(
    () => {
      const open = api!.uploads.filter((u) => u.phase !== 'completed' && u.phase !== 'failed');
      expect(open.map((u) => `${u.file.name}:${u.phase}`)).toEqual([]);
      expect(api!.uploads).toHaveLength(UPLOADS);
    },
    { timeout: SETTLE_TIMEOUT_MS, interval: 250 },
  );
  const uploads = api!.uploads;
  const files = await serverFiles();
  // CORS preflights are logged too; the fault rate is about the requests that carry work.
  const log = (await requestLog()).filter((r) => r.method !== 'OPTIONS');
  const leftFaults = (await armedFaults()).length;
  page.stop();

  const problems: string[] = [];
  let completed = 0;
  let failed = 0;
  const failureCodes = new Map<string, number>();
  for (const upload of uploads) {
    const source = byLocalId.get(upload.localId)!;
    const sessions = files.filter((f) => f.originalFilename === source.file.name);
    const done = sessions.filter((f) => f.status === 'COMPLETED');
    const orphans = sessions.filter((f) => f.status === 'PENDING');
    if (orphans.length > 0)
      problems.push(`${source.file.name}: ${orphans.length} PENDING session(s) left`);
    if (done.length > 1)
      problems.push(`${source.file.name}: ${done.length} COMPLETED files for one source`);
    if (upload.phase === 'completed') {
      completed += 1;
      if (done.length !== 1)
        problems.push(
          `${source.file.name}: completed locally, ${done.length} COMPLETED on the server`,
        );
      else {
        if (done[0]!.md5 !== source.md5)
          problems.push(`${source.file.name}: server md5 ${done[0]!.md5} ≠ source ${source.md5}`);
        if (upload.serverFile?.id !== done[0]!.id)
          problems.push(
            `${source.file.name}: local id ${upload.serverFile?.id} ≠ server ${done[0]!.id}`,
          );
      }
    } else {
      failed += 1;
      const code = upload.error?.code ?? '(none)';
      failureCodes.set(code, (failureCodes.get(code) ?? 0) + 1);
      if (!upload.error?.code || !upload.error.message)
        problems.push(`${source.file.name}: failed without a typed error`);
      if (done.length > 0)
        problems.push(`${source.file.name}: failed locally but COMPLETED on the server`);
      for (const s of sessions)
        if (s.status !== 'CANCELLED' && s.status !== 'EXPIRED')
          problems.push(`${source.file.name}: failed with a ${s.status} session`);
    }
  }

  const faulted = log.filter(
    (r) =>
      r.status === 0 ||
      r.status === 429 ||
      r.status >= 500 ||
      (r.route === 'put' && r.status === 403),
  ).length;
  const counts = {
    uploads: uploads.length,
    completed,
    failed,
    bytes: sources.reduce((sum, s) => sum + s.file.size, 0),
    largestBytes: Math.max(...sources.map((s) => s.file.size)),
    requests: log.length,
    faultsArmed: faults.length,
    faultsFired: faults.length - leftFaults,
    faultedPercent: Math.round(((faults.length - leftFaults) / log.length) * 1000) / 10,
    faultedAnswers: faulted,
    serverSessions: files.length,
    completedOnServer: files.filter((f) => f.status === 'COMPLETED').length,
    cancelledSessions: files.filter((f) => f.status === 'CANCELLED').length,
    expiredSessions: files.filter((f) => f.status === 'EXPIRED').length,
    pendingOrphans: files.filter((f) => f.status === 'PENDING').length,
    md5Mismatches: problems.filter((p) => p.includes('md5')).length,
    duplicateCompleted: problems.filter((p) => p.includes('COMPLETED files for one source')).length,
    storageRequestsWithApiHeaders: log.filter(
      (r) =>
        (r.route === 'put' || r.route === 'download') &&
        (r.headers.authorization !== undefined || r.headers['lightfield-version'] !== undefined),
    ).length,
    pageErrors: page.errors.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  task.meta.chaos = counts;
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  console.log(
    [
      'chaos run counts',
      ...Object.entries(counts).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    ].join('\n'),
  );
  if (failureCodes.size > 0)
    console.log(`failure codes: ${JSON.stringify(Object.fromEntries(failureCodes))}`);

  expect(page.errors).toEqual([]);
  expect(problems).toEqual([]);
  expect(counts.pendingOrphans).toBe(0);
  expect(counts.storageRequestsWithApiHeaders).toBe(0);
  expect(uploads).toHaveLength(UPLOADS);
  // The faults really happened: most of them fired, hitting about a fifth of all requests.
  expect(counts.faultsFired).toBeGreaterThan(faults.length * 0.9);
  expect(counts.faultsFired / counts.requests).toBeGreaterThan(0.15);
}, 150_000);
