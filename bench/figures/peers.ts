/**
 * P6p / P4p: the same work done by Uppy (core + aws-s3, Dashboard for the list) and react-uploady
 * (with @rpldy/upload-preview for the list) beside filedock, against the same reference server.
 * How each is driven is in bench/page/peers.tsx.
 */
import type { Page } from 'playwright-core';
import { defaultPurposeRules, ruleFor } from '../../src/core/rules/purposes.js';
import { textFiles, tmpFiles } from '../lib/files.js';
import type { Harness } from '../lib/harness.js';
import { median, repeat, type FigureResult } from '../lib/stats.js';
import { RUNS, uploadThroughWidget } from './transfer.js';

type Rule = { mimeTypes?: readonly string[]; minSize: number; maxSize: number };
type Peers = {
  mountUppy(o: { expected: number; concurrency: number; dashboard: boolean; rule: Rule }): void;
  mountUploady(o: { expected: number; concurrency: number; preview: boolean; rule: Rule }): void;
  listInteractive(selector: string): Promise<{ ms: number; rows: number; refused: string[] }>;
  waitDone(): Promise<{ ms: number; failed: string[] }>;
};
declare const peers: Peers;
type Bench = {
  mount(o: { checksum: boolean; expected: number }): Promise<void>;
  rowsInteractive(count: number): Promise<number>;
};
declare const bench: Bench;

const CONCURRENCY = 4;

/**
 * The rule filedock's uploaders on the bench page check at the pick: they name no purpose, so the
 * Lightfield client's `none` rule (any type, 1 B to 512 MiB). The peers get its type and size parts.
 */
const { mimeTypes, minSize, maxSize } = ruleFor(undefined, defaultPurposeRules);
const RULE: Rule = { ...(mimeTypes ? { mimeTypes } : {}), minSize, maxSize };
const RULE_TEXT = `${mimeTypes ? mimeTypes.join(', ') : 'any type'}, ${minSize} B to ${maxSize / 1024 / 1024} MiB`;

async function peerUpload(h: Harness, paths: string[], peer: 'uppy' | 'uploady'): Promise<number> {
  const page = await h.newPeerPage();
  const o = { expected: paths.length, concurrency: CONCURRENCY, rule: RULE };
  await page.evaluate(
    ([name, options]) =>
      name === 'uppy'
        ? peers.mountUppy({ ...options, dashboard: false })
        : peers.mountUploady({ ...options, preview: false }),
    [peer, o] as const,
  );
  await page.setInputFiles('#peer-input', paths);
  const { ms, failed } = await page.evaluate(() => peers.waitDone());
  await page.close();
  await h.api.reset();
  if (failed.length) throw new Error(`${peer}: ${failed.length} uploads failed: ${failed[0]}`);
  return ms;
}

export async function p6p(h: Harness): Promise<FigureResult> {
  const paths = tmpFiles('small', 100, 100 * 1024);
  const filedock = (headless: boolean) => async () => {
    const { ms, page } = await uploadThroughWidget(h, paths, {
      checksum: true,
      concurrency: CONCURRENCY,
      headless,
    });
    await page.close();
    await h.api.reset();
    return ms;
  };
  const runs: Array<[string, () => Promise<number>]> = [
    ['filedock', filedock(true)],
    ['filedock widget', filedock(false)],
    ['uppy', () => peerUpload(h, paths, 'uppy')],
    ['uploady', () => peerUpload(h, paths, 'uploady')],
  ];
  const times: Record<string, number[]> = {};
  await repeat(RUNS, async (i) => {
    const shift = i < 0 ? 0 : i % runs.length;
    for (let k = 0; k < runs.length; k += 1) {
      const [name, run] = runs[(k + shift) % runs.length]!;
      const ms = await run();
      if (i >= 0) times[name] = [...(times[name] ?? []), ms];
    }
  });
  const of = (name: string) => times[name] ?? [];
  return {
    id: 'P6p',
    title:
      '100 × 100 KiB at concurrency 4 with MD5, create → PUT → complete: Uppy and react-uploady ÷ filedock (useFileUpload; no UI on either side)',
    series: [
      {
        label: 'filedock useFileUpload, no list (as the peers here: no UI)',
        unit: 'ms',
        values: of('filedock'),
      },
      {
        label: 'filedock FileUploader (its list of 100 rows on screen)',
        unit: 'ms',
        values: of('filedock widget'),
      },
      {
        label:
          'Uppy (core + aws-s3, one PUT per file; create in signRequest, complete on upload-success)',
        unit: 'ms',
        values: of('uppy'),
      },
      {
        label:
          'react-uploady (raw PUT; create in useRequestPreSend, complete in useItemFinishListener)',
        unit: 'ms',
        values: of('uploady'),
      },
    ],
    targets: [
      {
        label: 'Uppy ÷ filedock',
        value: median(of('uppy')) / median(of('filedock')),
        op: '>=',
        target: 1.0,
      },
      {
        label: 'react-uploady ÷ filedock',
        value: median(of('uploady')) / median(of('filedock')),
        op: '>=',
        target: 1.0,
      },
    ],
    notes: [
      "Same server, same files, same concurrency (Uppy's `limit`, react-uploady's `maxConcurrent`), timed from the input's `change` to the last complete answered. The peers run headless (Uppy core without the Dashboard, Uploady without a preview), so the ratios are against filedock's headless hook; FileUploader with its list is shown beside it.",
      `Each side checks every picked file's type and size at the pick against the same rule, the one filedock's uploaders here use (no purpose: ${RULE_TEXT}; it refuses none of these files, and a refusal would fail the run): Uppy through its \`restrictions\` option (\`minFileSize\`, \`maxFileSize\`, \`allowedFileTypes\` left null as the rule names no type), react-uploady through Uploady's \`fileFilter\` prop (the type against the rule's list when it has one, then the size).`,
      `What the peers could not do themselves: neither knows a create → PUT → complete protocol, so their hooks do it (create before the PUT, complete after it, from their documented extension points); neither computes an MD5, so their hooks compute it with hash-wasm on the main thread beside the create, as filedock does for files below 1 MiB. Neither checks the file name as filedock's rule does (at most 255 characters, no control characters or path separators; Uppy's restrictions have no name rule and neither peer was given one), sniffs the first bytes, retries, or cancels a session on the server; both send complete from an event after the PUT, when their lane is already free, so their completes overlap the next file's requests, as filedock's do (its lanes also make the next file's session during the PUT, which neither peer does).`,
    ],
  };
}

async function filedockList(h: Harness, files: string[]): Promise<number> {
  const page = await h.newPage();
  await page.evaluate(() => bench.mount({ checksum: true, expected: 1000 }));
  await page.setInputFiles('#root input[type=file]', files);
  const ms = await page.evaluate(() => bench.rowsInteractive(1000));
  await page.close();
  await h.api.reset();
  return ms;
}

async function peerList(
  h: Harness,
  files: string[],
  peer: 'uppy' | 'uploady',
): Promise<{ ms: number; rows: number }> {
  const page: Page = await h.newPeerPage();
  const o = { expected: files.length, concurrency: CONCURRENCY, rule: RULE };
  await page.evaluate(
    ([name, options]) =>
      name === 'uppy'
        ? peers.mountUppy({ ...options, dashboard: true })
        : peers.mountUploady({ ...options, preview: true }),
    [peer, o] as const,
  );
  await page.setInputFiles(peer === 'uppy' ? '.uppy-Dashboard-input' : '#peer-input', files);
  const result = await page.evaluate(
    (selector) => peers.listInteractive(selector),
    peer === 'uppy' ? '.uppy-Dashboard-Item' : '[data-peer-row]',
  );
  await page.close();
  await h.api.reset();
  if (result.refused.length)
    throw new Error(`${peer} refused ${result.refused.length} files: ${result.refused[0]}`);
  return result;
}

export async function p4p(h: Harness): Promise<FigureResult> {
  const files = textFiles('note', 1000, (i) => `file ${i}\n`.repeat(64));
  const filedock: number[] = [];
  const uppy: number[] = [];
  const uploady: number[] = [];
  const rows = { uppy: 0, uploady: 0 };
  await repeat(RUNS, async (i) => {
    const a = await filedockList(h, files);
    const b = await peerList(h, files, 'uppy');
    const c = await peerList(h, files, 'uploady');
    rows.uppy = b.rows;
    rows.uploady = c.rows;
    if (i < 0) return;
    filedock.push(a);
    uppy.push(b.ms);
    uploady.push(c.ms);
  });
  return {
    id: 'P4p',
    title:
      "1,000 picked files → an interactive list: Uppy's Dashboard and react-uploady's preview list ÷ filedock (FileUploader)",
    series: [
      { label: 'filedock FileUploader: 1,000 rows rendered', unit: 'ms', values: filedock },
      {
        label: `Uppy Dashboard: 1,000 files added, its list rendered (${rows.uppy} items in the DOM)`,
        unit: 'ms',
        values: uppy,
      },
      {
        label: `react-uploady UploadPreview: 1,000 previews rendered (${rows.uploady} rows in the DOM)`,
        unit: 'ms',
        values: uploady,
      },
    ],
    targets: [
      {
        label: 'Uppy ÷ filedock',
        value: median(uppy) / median(filedock),
        op: '>=',
        target: 1.0,
      },
      {
        label: 'react-uploady ÷ filedock',
        value: median(uploady) / median(filedock),
        op: '>=',
        target: 1.0,
      },
    ],
    notes: [
      "Timed from the pick (`change`) until the list knows all 1,000 files, its rows stop changing for a frame, and the main thread answers a task. Each uploads as it fills (autoProceed / autoUpload), like FileUploader. Uppy picks through the Dashboard's own input; react-uploady through a plain input handed to `upload()`, its list is UploadPreview with a text row per file (a fallback URL so non-images get a preview).",
      `Each validates all 1,000 files at the pick against the same rule as FileUploader (no purpose: ${RULE_TEXT}; the .txt files pass, and a refusal would fail the run), so each reads every file's size before its list fills: Uppy through its \`restrictions\` option (\`minFileSize\`, \`maxFileSize\`, \`allowedFileTypes\` null as the rule names no type; Uppy reads each size to add the file anyway), react-uploady through Uploady's \`fileFilter\` prop, which sees each file before it joins the batch. Neither peer checks the file name as filedock's rule also does (length, control characters, path separators).`,
    ],
  };
}
