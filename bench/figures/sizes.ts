/** P7a, P7b: what each library costs an app; P7c: what each locale costs. gzip, same esbuild settings for all. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measure, type Weight } from '../sizes/measure.js';
import type { FigureResult } from '../lib/stats.js';

const THEME = resolve(import.meta.dirname, '../../src/components/styles.css');
const kB = (bytes: number) => bytes / 1000;

const PEERS: [string, string][] = [
  ['Uppy (core + react Dashboard + aws-s3)', 'uppy.tsx'],
  ['UploadThing React (dropzone)', 'uploadthing.tsx'],
  ['react-uploady (no list, no checksum)', 'react-uploady.tsx'],
  ['FilePond + react-filepond', 'filepond.tsx'],
  ['react-dropzone (hook only)', 'react-dropzone.tsx'],
];

function rows(label: string, w: Weight) {
  return [
    { label: `${label}: JS`, unit: 'kB gz', values: [kB(w.js)] },
    ...(w.css ? [{ label: `${label}: CSS`, unit: 'kB gz', values: [kB(w.css)] }] : []),
  ];
}

export async function p7a(): Promise<FigureResult> {
  const filedock = await measure('filedock-widget.tsx', { extraCss: THEME });
  // The Worker's own module as the entry: a bundler emits it as a file of its own.
  const worker = await measure(
    resolve(import.meta.dirname, '../../src/core/checksum/md5.worker.ts'),
  );
  const series = [
    ...rows('filedock FileUploader + FileList', filedock),
    {
      label:
        'filedock lazy chunks, loaded on the first request or upload (axios, zod schemas, upload pipeline, sniffer, main-thread MD5)',
      unit: 'kB gz',
      values: [kB(filedock.lazy)],
    },
    {
      label: 'filedock MD5 worker (hash-wasm MD5 inside), its own file',
      unit: 'kB gz',
      values: [kB(worker.js)],
    },
  ];
  for (const [label, entry] of PEERS) series.push(...rows(label, await measure(entry)));
  return {
    id: 'P7a',
    title:
      'Bundle weight, everything but react / react-dom / react-query bundled (esbuild --bundle --minify --format=esm, gzip -9)',
    series,
    targets: [
      {
        label: 'filedock initial JS + CSS',
        value: kB(filedock.js + filedock.css),
        op: '<=',
        target: 40,
        unit: ' kB',
      },
    ],
    notes: [
      'Deterministic: one build each, so min = max = median.',
      `Entries: ${join('bench/sizes/entries')}/*.tsx`,
      "Initial = what the app's entry imports statically. filedock's network side (axios, the zod schemas, the create → PUT → complete pipeline with its retries and recovery, the MIME sniffer, the main-thread MD5 with hash-wasm) is reached only through `import()`: a client created in a browser starts fetching it at once, so it downloads while the page renders, and the first request awaits it. Nothing of it is needed to paint the uploader or the list's loading state.",
    ],
  };
}

export async function p7b(): Promise<FigureResult> {
  const widget = await measure('filedock-widget.tsx', { externalAxios: true, extraCss: THEME });
  const hooks = await measure('filedock-hooks.tsx', { externalAxios: true });
  return {
    id: 'P7b',
    title: 'Bundle weight for an app that already ships axios (axios external too)',
    series: [
      ...rows('filedock full widget', widget),
      ...rows('filedock hooks only (useFileUpload + useFiles)', hooks),
    ],
    targets: [
      {
        label: 'full widget JS + CSS',
        value: kB(widget.js + widget.css),
        op: '<=',
        target: 24,
        unit: ' kB',
      },
      { label: 'hooks only', value: kB(hooks.js + hooks.css), op: '<=', target: 10, unit: ' kB' },
    ],
    notes: [
      await attribution('filedock-widget.tsx', 'full widget'),
      await attribution('filedock-hooks.tsx', 'hooks only'),
    ],
  };
}

/** Where the bytes go: the gzip saved by leaving each dependency out of the same build. */
async function attribution(entry: string, label: string): Promise<string> {
  const whole = await measure(entry, { externalAxios: true });
  const parts: string[] = [];
  for (const [name, packages] of DEPENDENCIES) {
    const without = await measure(entry, { externalAxios: true, alsoExternal: packages });
    if (whole.js - without.js > 50)
      parts.push(`${name} ${kB(whole.js - without.js).toFixed(1)} kB`);
  }
  const of = parts.length
    ? `of which: ${parts.join(', ')}; the rest is filedock's own code`
    : "all of it filedock's own code";
  return `${label}, ${kB(whole.js).toFixed(1)} kB initial JS gz, ${of} (axios and zod/mini are in the lazy chunks).`;
}

const DEPENDENCIES: [string, string[]][] = [
  ['zod/mini', ['zod', 'zod/*']],
  ['react-dropzone (with file-selector and attr-accept)', ['react-dropzone']],
];

/** Every `filedock/locales/<tag>` entry (vite.config.ts LOCALES). */
const LOCALE_TAGS = [
  ['ar', 'ar'],
  ['de', 'de'],
  ['es', 'es'],
  ['fr', 'fr'],
  ['he', 'he'],
  ['it', 'it'],
  ['ja', 'ja'],
  ['ko', 'ko'],
  ['nl', 'nl'],
  ['pl', 'pl'],
  ['pt-BR', 'ptBR'],
  ['ru', 'ru'],
  ['zh-CN', 'zhCN'],
] as const;

/**
 * P7c: what a locale costs. The widget of P7b rendered in each locale (`labels={de}`), against the
 * same widget in English: the difference is all an app pays for choosing a language, and an
 * English-only app pays nothing (it never imports a locale; P7a/P7b unchanged).
 */
export async function p7c(): Promise<FigureResult> {
  const src = resolve(import.meta.dirname, '../../src');
  const dir = mkdtempSync(join(tmpdir(), 'filedock-locale-'));
  try {
    const english = await measure('filedock-widget.tsx', { externalAxios: true });
    const series = [
      {
        label: 'widget in English (no locale imported): JS',
        unit: 'kB gz',
        values: [kB(english.js)],
      },
    ];
    let largest = 0;
    for (const [tag, name] of LOCALE_TAGS) {
      const entry = join(dir, `widget-${tag}.tsx`);
      writeFileSync(
        entry,
        `import { createLightfieldClient, FileList, FilesProvider, FileUploader } from ${JSON.stringify(join(src, 'index.ts'))};
import { ${name} } from ${JSON.stringify(join(src, `locales/${tag}.ts`))};
export function App() {
  const client = createLightfieldClient({ baseURL: '/api' });
  return (
    <FilesProvider client={client} labels={${name}}>
      <FileUploader purpose="knowledge_workspace" />
      <FileList />
    </FilesProvider>
  );
}
`,
      );
      const localized = await measure(entry, { externalAxios: true });
      const added = localized.js - english.js;
      largest = Math.max(largest, added);
      series.push({
        label: `${tag}: added to the widget's JS`,
        unit: 'kB gz',
        values: [kB(added)],
      });
    }
    return {
      id: 'P7c',
      title:
        'What a locale costs: the P7b widget rendered with `filedock/locales/<tag>`, minus the same widget in English (esbuild --bundle --minify, gzip -9)',
      series,
      targets: [
        { label: 'largest locale, added JS', value: kB(largest), op: '<=', target: 3, unit: ' kB' },
      ],
      notes: [
        'Deterministic: one build each. A locale is its own entry (filedock/locales/<tag>): an app that imports none ships none of them, and one that imports `de` ships `de` alone; the Intl helpers it uses (plural, formatCount, formatList) are counted in its share.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
