/** P3 heap, P4 a thousand files at once, P5 React commits under 50 uploads, P6 many small files. */
import type { Page } from 'playwright-core';
import { type Harness, PROXY_BASE } from '../lib/harness.js';
import { MiB, textFiles, tmpFile, tmpFiles } from '../lib/files.js';
import { median, repeat, type FigureResult } from '../lib/stats.js';
import { RUNS, uploadThroughWidget } from './transfer.js';

type Bench = {
  mount(o: {
    checksum: boolean;
    expected: number;
    concurrency?: number;
    apiBase?: string;
    resume?: boolean;
  }): Promise<void>;
  waitDone(): Promise<{
    ms: number;
    commits: number;
    startedAt: number;
    doneAt: number;
    failed: string[];
  }>;
  rowsInteractive(count: number): Promise<number>;
  clickProbe(): { inputAt: number; delay: number; paintedAt: number } | undefined;
  mountBareList(): Promise<void>;
  bareListInteractive(): Promise<number>;
  counters(): {
    startedAt: number;
    commits: number;
    longTasks: { start: number; duration: number }[];
  };
  barePickTask(since: number): Promise<number>;
  bareChanged(): boolean;
  bareSizesMs(): number;
  barePutMany(concurrency: number): Promise<number>;
  floorMany(concurrency: number, base?: string): Promise<number>;
  keepRequestTimings(): void;
  laneIdlePerFile(lanes: number, files: number): number;
};
declare const bench: Bench;

export async function p3(h: Harness): Promise<FigureResult> {
  const path = tmpFile('upload-512.bin', 512 * MiB);
  const growth: number[] = [];
  await repeat(RUNS, async (i) => {
    const { page, extra } = await uploadThroughWidget(
      h,
      [path],
      { checksum: true },
      async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = async () =>
          (await cdp.send('Performance.getMetrics')).metrics.find(
            (m) => m.name === 'JSHeapUsedSize',
          )?.value ?? 0;
        const base = await heap();
        let peak = base;
        let sampling = true;
        // Sampled as fast as CDP answers, until the upload is done.
        const loop = (async () => {
          while (sampling) peak = Math.max(peak, await heap());
        })();
        return async () => {
          sampling = false;
          await loop;
          return (peak - base) / MiB;
        };
      },
    );
    await page.close();
    await h.api.reset();
    if (i >= 0) growth.push(extra as number);
  });
  return {
    id: 'P3',
    title: 'JS heap growth while uploading 512 MiB (MD5 on)',
    series: [{ label: 'peak JSHeapUsedSize − baseline after GC', unit: 'MiB', values: growth }],
    targets: [{ label: 'heap growth', value: median(growth), op: '<=', target: 32, unit: ' MiB' }],
    notes: [
      'Main-thread heap of the page (CDP Performance.getMetrics); the MD5 worker has its own isolate.',
    ],
  };
}

/** P4's spread from run to run is large against its budget: at least 9 rounds, like P1's. */
const P4_RUNS = Math.max(RUNS, 9);

export async function p4(h: Harness): Promise<FigureResult> {
  // Files on disk, as a user's pick gives them: handing Playwright 1,000 in-memory buffers made it
  // decode them into Files inside the page, in the very task that fires `change` (~300 ms of the
  // longest task measured was the driver's, not filedock's).
  const files = textFiles('note', 1000, (i) => `file ${i}\n`.repeat(64));
  const interactive: number[] = [];
  const clickAt: number[] = [];
  const clickDelay: number[] = [];
  const longest: number[] = [];
  const afterChange: number[] = [];
  const barePick: number[] = [];
  const bareSizes: number[] = [];
  const bareList: number[] = [];
  // The bare list's time from `change` to 1,000 rows: no filedock code.
  const floorRun = async (): Promise<number> => {
    const listPage = await h.newPage();
    await listPage.evaluate(() => bench.mountBareList());
    await listPage.setInputFiles('#bare-list', files);
    const listMs = await listPage.evaluate(() => bench.bareListInteractive());
    await listPage.close();
    return listMs;
  };
  await repeat(P4_RUNS, async (i) => {
    // Taking turns going first: the first pick of a round reads the 1,000 files' metadata cold.
    const floorFirst = i % 2 === 1;
    const earlyListMs = floorFirst ? await floorRun() : undefined;
    const page = await h.newPage();
    await page.evaluate(() => bench.mount({ checksum: true, expected: 1000 }));
    // From just before the pick: the browser may hand the files over in a task before `change`.
    const before = await page.evaluate(() => performance.now());
    await page.setInputFiles('#root input[type=file]', files);
    const ms = await page.evaluate(() => bench.rowsInteractive(1000));
    const { startedAt, longTasks } = await page.evaluate(() => bench.counters());
    const tasks = longTasks.filter((t) => t.start + t.duration >= before);
    await page.close();
    const barePage = await h.newPage();
    const bareBefore = await barePage.evaluate(() => performance.now());
    await barePage.setInputFiles('#bare', files);
    await barePage.waitForFunction(() => bench.bareChanged());
    const bare = await barePage.evaluate((since) => bench.barePickTask(since), bareBefore);
    const sizesMs = await barePage.evaluate(() => bench.bareSizesMs());
    // Responsiveness while the list fills: real mouse input (CDP) on a row's Cancel as soon as one
    // is on screen, on a page of its own (the click changes what follows). Only the input
    // delay is kept: the rest of the round trip is the driver's (CDP calls wait their turn too).
    const clickPage = await h.newPage();
    await clickPage.evaluate(() => bench.mount({ checksum: true, expected: 1000 }));
    await clickPage.setInputFiles('#root input[type=file]', files);
    // A Cancel on screen, as a user would aim: the last one in the viewport, whose row waits
    // longest for its turn. The first rows' uploads may start and end (their Cancel leaves)
    // between finding a button and the click landing; a click that finds no Cancel is aimed again.
    let click: { inputAt: number; delay: number; paintedAt: number } | undefined;
    for (let attempt = 0; !click && attempt < 5; attempt++) {
      const at = (await (
        await clickPage.waitForFunction(() => {
          const shown = [
            ...document.querySelectorAll('[data-filedock-upload] [data-action="cancel"]'),
          ]
            .map((button) => button.getBoundingClientRect())
            .filter((r) => r.width > 0 && r.height > 0 && r.bottom <= innerHeight && r.top >= 0);
          const last = shown.at(-1);
          return last && { x: last.x + last.width / 2, y: last.y + last.height / 2 };
        })
      ).jsonValue()) as { x: number; y: number };
      await clickPage.mouse.click(at.x, at.y);
      click = await clickPage
        .waitForFunction(() => bench.clickProbe(), undefined, { timeout: 2000 })
        .then((handle) => handle.jsonValue() as Promise<typeof click>)
        .catch(() => undefined);
    }
    if (!click) throw new Error("no click on a row's Cancel button landed in 5 tries");
    await clickPage.close();
    await barePage.close();
    const listMs = earlyListMs ?? (await floorRun());
    await h.api.reset();
    if (i >= 0) {
      interactive.push(ms);
      clickAt.push(click.inputAt);
      clickDelay.push(click.delay);
      longest.push(Math.max(0, ...tasks.map((t) => t.duration)));
      afterChange.push(
        Math.max(0, ...tasks.filter((t) => t.start > startedAt).map((t) => t.duration)),
      );
      barePick.push(bare);
      bareSizes.push(sizesMs);
      bareList.push(listMs);
    }
  });
  return {
    id: 'P4',
    title: '1,000 files added at once',
    series: [
      { label: 'pick → 1,000 rows rendered and main thread free', unit: 'ms', values: interactive },
      {
        label:
          "a click on a row's Cancel while the list fills: input delay (event timestamp → handler)",
        unit: 'ms',
        values: clickDelay,
      },
      {
        label: "that click's time after the pick (when the driver could deliver it)",
        unit: 'ms',
        values: clickAt,
      },
      {
        label: 'longest main-thread task, pick → interactive (Long Tasks API)',
        unit: 'ms',
        values: longest,
      },
      {
        label: "longest task starting after `change` (filedock's later batches and rows)",
        unit: 'ms',
        values: afterChange,
      },
      {
        label: 'bare `<input type=file>`, no listener: longest task of the same pick (no filedock)',
        unit: 'ms',
        values: barePick,
      },
      {
        label: "bare input: reading each picked file's size once (no filedock)",
        unit: 'ms',
        values: bareSizes,
      },
      {
        label:
          'bare React list: the same pick as 1,000 rows with only what the DOM contract asks of an item (name, size, badge, progressbar, named button), unstyled, one render (no filedock)',
        unit: 'ms',
        values: bareList,
      },
    ],
    targets: [
      {
        label: 'time to interactive list ÷ bare React list of the same rows (contract floor)',
        value: median(interactive) / median(bareList),
        op: '<=',
        target: 1.25,
      },
    ],
    notes: [
      'Long tasks shorter than 50 ms are not reported by the browser; 0 means none.',
      'The 1,000 text files (~600 B each) are on disk and picked through a real file input by path.',
      `The bare-input figures have no filedock code in them: handing 1,000 picked files to an input nobody listens to is a ${median(barePick).toFixed(0)} ms task on this machine, so the longest task cannot go below that whatever the library does; react-dropzone's verdict (type and size) reads each size once inside that task, filedock then adds the pick in one call and mounts 100 rows per task, and its tasks after \`change\` peak at ${median(afterChange).toFixed(0)} ms. Reading the 1,000 sizes once, with nothing else, takes ${median(bareSizes).toFixed(0)} ms (the first read of a picked file's \`size\` is a synchronous call to Chromium's browser process).`,
      `The time to an interactive list has a floor too: React rendering the same 1,000 rows in one go, each with no more than the DOM contract asks of an upload item and no styles, takes ${median(bareList).toFixed(0)} ms here (it and filedock take turns going first: the first pick of a round reads the files' metadata cold). filedock's rows also carry the theme, speed and error slots and named actions, and its engine validates every file at \`add\`; a pick of more than 100 files starts uploading once the main thread is idle (at most 500 ms later), files are sniffed only one per lane ahead of the queue, and the rows mount 100 per task, so the first uploads' requests do not compete with the list's first paint and the page answers input while it fills: ${(median(interactive) / median(bareList)).toFixed(2)} × the floor. The page stays responsive while the list fills: a real click on a row's Cancel waits ${median(clickDelay).toFixed(0)} ms (median) for its handler.`,
    ],
  };
}

export async function p5(h: Harness): Promise<FigureResult> {
  const paths = tmpFiles('c50', 50, 8 * MiB);
  const rate: number[] = [];
  await repeat(RUNS, async (i) => {
    const { page } = await uploadThroughWidget(h, paths, { checksum: true, concurrency: 50 });
    const { commits, startedAt, doneAt } = await page.evaluate(() => bench.waitDone());
    await page.close();
    await h.api.reset();
    if (i >= 0) rate.push(commits / ((doneAt - startedAt) / 1000));
  });
  return {
    id: 'P5',
    title: '50 concurrent uploads (8 MiB each, MD5 on): React commits per second',
    series: [{ label: 'Profiler onRender commits per second', unit: '/s', values: rate }],
    targets: [
      { label: 'commits per second', value: median(rate), op: '<=', target: 60, unit: '/s' },
    ],
    notes: [],
  };
}

/** P6's runs of one kind: FileUploader or the bare floor, to the reference server or via the proxy. */
async function p6Runs(h: Harness, paths: string[], concurrency: number) {
  const idle = (page: Page) =>
    page.evaluate(([lanes, files]) => bench.laneIdlePerFile(lanes, files), [
      concurrency,
      paths.length,
    ] as const);
  const widget = async (options: { apiBase?: string; resume?: boolean; headless?: boolean }) => {
    const { ms, page } = await uploadThroughWidget(
      h,
      paths,
      { checksum: true, concurrency, ...options },
      async (p) => {
        await p.evaluate(() => bench.keepRequestTimings());
        return async () => undefined;
      },
    );
    const idleMs = await idle(page);
    await page.close();
    await h.api.reset();
    return { ms, idleMs };
  };
  const floor = async (base?: string) => {
    const page = await h.newPage();
    await page.setInputFiles('#bare', paths);
    await page.evaluate(() => bench.keepRequestTimings());
    const ms = await page.evaluate(([c, b]) => bench.floorMany(c, b), [concurrency, base] as const);
    const idleMs = await idle(page);
    await page.close();
    await h.api.reset();
    return { ms, idleMs };
  };
  return { widget, floor };
}

export async function p6(h: Harness): Promise<FigureResult> {
  const paths = tmpFiles('small', 100, 100 * 1024);
  const concurrency = 4;
  const proxied = `${h.pageOrigin}${PROXY_BASE}`;
  const { widget, floor } = await p6Runs(h, paths, concurrency);
  const kinds: Array<[string, () => Promise<{ ms: number; idleMs: number }>]> = [
    ['widget', () => widget({})],
    ['floor', () => floor()],
    ['widget via proxy', () => widget({ apiBase: proxied })],
    ['floor via proxy', () => floor(proxied)],
    ['hook', () => widget({ headless: true })],
  ];
  const ms: Record<string, number[]> = {};
  const idleMs: Record<string, number[]> = {};
  const bare: number[] = [];
  await repeat(RUNS, async (i) => {
    // Kinds take turns going first, so none always runs on a server just warmed by another.
    const shift = i < 0 ? 0 : i % kinds.length;
    for (let k = 0; k < kinds.length; k += 1) {
      const [name, run] = kinds[(k + shift) % kinds.length]!;
      const result = await run();
      if (i < 0) continue;
      ms[name] = [...(ms[name] ?? []), result.ms];
      idleMs[name] = [...(idleMs[name] ?? []), result.idleMs];
    }
    const barePage = await h.newPage();
    await barePage.setInputFiles('#bare', paths);
    const bareMs = await barePage.evaluate((c) => bench.barePutMany(c), concurrency);
    await barePage.close();
    await h.api.reset();
    if (i >= 0) bare.push(bareMs);
  });
  const ratio = (a: number[], b: number[]) => median(a) / median(b);
  const of = (name: string) => ms[name] ?? [];
  const idleOf = (name: string) => idleMs[name] ?? [];
  return {
    id: 'P6',
    title:
      '100 files of 100 KiB, concurrency 4: FileUploader (create + PUT + MD5 + complete) ÷ the same with bare fetch and XHR, cross-origin and same-origin through filedock/proxy',
    series: [
      { label: 'FileUploader → reference server (cross-origin)', unit: 'ms', values: of('widget') },
      {
        label:
          'contract floor → reference server: bare fetch create → XHR PUT → fetch complete with MD5 (no filedock)',
        unit: 'ms',
        values: of('floor'),
      },
      {
        label: 'FileUploader → filedock/proxy (same origin) → reference server',
        unit: 'ms',
        values: of('widget via proxy'),
      },
      {
        label: 'contract floor → filedock/proxy (same origin) → reference server',
        unit: 'ms',
        values: of('floor via proxy'),
      },
      {
        label:
          'useFileUpload with no list → reference server (cross-origin; the engine without the UI)',
        unit: 'ms',
        values: of('hook'),
      },
      { label: 'bare XHR PUTs alone, sessions made beforehand', unit: 'ms', values: bare },
      {
        label: 'FileUploader cross-origin: time per file its lane had no request in flight',
        unit: 'ms',
        values: idleOf('widget'),
      },
      { label: 'contract floor cross-origin: the same', unit: 'ms', values: idleOf('floor') },
      {
        label: 'FileUploader via proxy: time per file its lane had no request in flight',
        unit: 'ms',
        values: idleOf('widget via proxy'),
      },
      {
        label: 'contract floor via proxy: the same',
        unit: 'ms',
        values: idleOf('floor via proxy'),
      },
    ],
    targets: [
      {
        label: 'FileUploader ÷ contract floor, cross-origin',
        value: ratio(of('widget'), of('floor')),
        op: '<=',
        target: 1.1,
      },
      {
        label: 'FileUploader ÷ contract floor, same origin through filedock/proxy',
        value: ratio(of('widget via proxy'), of('floor via proxy')),
        op: '<=',
        target: 1.1,
      },
    ],
    notes: [
      `FileUploader draws 100 rows that change as each file moves (a progress bar, a status badge, totals and announcements); the floor draws nothing. The engine alone, through useFileUpload with no list, takes ${ratio(of('hook'), of('floor')).toFixed(3)} × the floor cross-origin, so the rest of FileUploader's ratio is its UI.`,
      `The floor has no filedock code in it: three requests per file (create, PUT, complete) with bare fetch and XHR, the same headers, the same concurrency and MD5 on this thread as filedock does below 1 MiB, one after the other in each lane as the protocol reads. Cross-origin, Chromium preflights both API calls (complete has a new URL per file, so its preflight is never cached): the floor takes ${ratio(of('floor'), bare).toFixed(2)} × the bare PUTs alone. Same origin through the proxy there are no preflights for the API calls (the PUT still goes to the storage URL): ${ratio(of('floor via proxy'), bare).toFixed(2)} × the bare PUTs.`,
      `filedock's lanes make the next file's session while the current PUT runs, which the floor's one-after-the-other lanes do not: lane idle time is the client's own time between requests (Resource Timing: lanes × span − Σ request durations, ÷ files), ${median(idleOf('widget')).toFixed(1)} ms per file for FileUploader against ${median(idleOf('floor')).toFixed(1)} ms for the floor cross-origin, and ${median(idleOf('widget via proxy')).toFixed(1)} against ${median(idleOf('floor via proxy')).toFixed(1)} ms via the proxy (a create overlapping a PUT counts as busy time twice, so the figure can go below zero).`,
    ],
  };
}

export async function p10(h: Harness): Promise<FigureResult> {
  const paths = tmpFiles('small', 100, 100 * 1024);
  const { widget } = await p6Runs(h, paths, 4);
  const off: number[] = [];
  const on: number[] = [];
  await repeat(RUNS, async (i) => {
    const first = i % 2 === 0;
    const a = await widget({ resume: first });
    const b = await widget({ resume: !first });
    if (i < 0) return;
    (first ? on : off).push(a.ms);
    (first ? off : on).push(b.ms);
  });
  return {
    id: 'P10',
    title: 'P6 (100 × 100 KiB, concurrency 4, cross-origin) with resume on ÷ off',
    series: [
      { label: 'FileUploader, resume off', unit: 'ms', values: off },
      {
        label:
          "FileUploader, resume on (each file journaled and its bytes copied into IndexedDB; a checkpoint before each step, only a create's awaited)",
        unit: 'ms',
        values: on,
      },
    ],
    targets: [
      { label: 'resume on ÷ off', value: median(on) / median(off), op: '<=', target: 1.05 },
    ],
    notes: [
      'The same page, files and server; the runs alternate which goes first. IndexedDB is emptied before each mount (clearAllResumeJournals).',
    ],
  };
}
