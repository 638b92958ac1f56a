/**
 * The locales under test, every state the components can be in (rendered with a locale), and the
 * checks: the English a non-English locale must not show, read from the DOM's text and its
 * accessible names.
 */
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Upload, UploadPhase } from '../../../src/core/upload/types.js';
import { validateFile } from '../../../src/core/rules/validate.js';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';
import { defaultLabels, type Locale } from '../../../src/components/labels.js';
import { ar } from '../../../src/locales/ar.js';
import { de } from '../../../src/locales/de.js';
import { es } from '../../../src/locales/es.js';
import { fr } from '../../../src/locales/fr.js';
import { he } from '../../../src/locales/he.js';
import { it as italian } from '../../../src/locales/it.js';
import { ja } from '../../../src/locales/ja.js';
import { ko } from '../../../src/locales/ko.js';
import { nl } from '../../../src/locales/nl.js';
import { pl } from '../../../src/locales/pl.js';
import { ptBR } from '../../../src/locales/pt-BR.js';
import { ru } from '../../../src/locales/ru.js';
import { zhCN } from '../../../src/locales/zh-CN.js';
import { FileList, FileUploader, StatusBadge, UploadItem } from '../../../src/index.js';
import { renderWithClient, textFile } from '../components/render.js';

export const LOCALES: Record<string, Locale> = {
  ar,
  de,
  es,
  fr,
  he,
  it: italian,
  ja,
  ko,
  nl,
  pl,
  'pt-BR': ptBR,
  ru,
  'zh-CN': zhCN,
};

const ALL_PHASES: UploadPhase[] = [
  'queued',
  'hashing',
  'creating',
  'uploading',
  'completing',
  'completed',
  'failed',
  'cancelled',
  'rejected',
];

/** Every name a file has in the states below: the only text that may stay as it was. */
export const FILE_NAMES = [
  'held.txt',
  'denied.txt',
  'photo.png',
  'empty.txt',
  'a/b.txt',
  'big.pdf',
  'stored-name.pdf',
  'quarterly-report.pdf',
  'notes.md',
  'other.pdf',
  ...[...ALL_PHASES, 'choose-again', 'permission', 'unreachable', 'elsewhere'].map(
    (p) => `${p}.pdf`,
  ),
];

/** Words that are the same in a language and in English (a column named "Status" in German). */
export const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  de: ['Name', 'Status', 'Uploads', 'Upload', 'Tab'],
  fr: ['Actions', 'Page', 'Pagination'],
  nl: ['Status', 'upload', 'Upload'],
  'pt-BR': ['Status'],
  it: ['file', 'File'],
};

/** The fixed parts of every English label (what is left once names and numbers are taken out). */
export function englishFragments(): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const part of text.split(/X|\d+/)) {
      const fragment = part.replace(/^[\s.,:;·()…—–-]+|[\s.,:;·()…—–-]+$/g, '');
      if (/[A-Za-z]{3,}/.test(fragment)) out.add(fragment);
    }
  };
  for (const [group, value] of Object.entries(defaultLabels)) {
    if (typeof value === 'string') continue; // locale, the tag
    if (!value || typeof value !== 'object') continue;
    for (const [key, label] of Object.entries(value as Record<string, unknown>)) {
      if (typeof label === 'string') add(label);
      if (typeof label !== 'function') continue;
      if (group === 'errors') continue; // the English table keeps core's message there
      const call = label as (...args: unknown[]) => string;
      if (key === 'help') {
        add(call({ types: ['X'], maxSize: 'X' }));
        add(call({ types: [], maxSize: 'X' }));
      } else if (key === 'totalSummary') {
        add(call({ done: 1, count: 1, percent: 'X' }));
        add(call({ done: 1, count: 2, percent: 'X' }));
      } else if (key === 'progressText') add(call({ percent: 'X', loaded: 'X', total: 'X' }));
      else if (key === 'speed') add(call({ speed: 'X', eta: 'X' }));
      else if (key === 'interrupted')
        for (const reason of ['choose-again', 'permission', 'unreachable', 'elsewhere'])
          add(call('X', reason));
      else if (key === 'pageOf') {
        add(call('X', 'X'));
        add(call('X', undefined));
      } else add(call('X', 'X'));
    }
  }
  return [...out];
}

/** English words no translation should leave behind (core's English messages use them too). */
const ENGLISH_WORDS =
  /\b(the|and|was|not|file|files|upload|uploads|uploaded|uploading|cancel|retry|remove|delete|download|page|previous|next|failed|done|left|stored|choose|again|resume|accepted|empty|larger|limit)\b/giu;

/** Every string a user sees or hears inside `root`: text, accessible names, values. */
export function strings(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) out.push(text);
  }
  for (const element of root.querySelectorAll('*'))
    for (const attribute of ['aria-label', 'title', 'aria-valuetext', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value) out.push(value);
    }
  return out;
}

/** The English found in `root` for locale `tag`, file names taken out. */
export function englishIn(root: Element, tag: string): string[] {
  const allowed = new Set(SAME_AS_ENGLISH[tag] ?? []);
  const allowedWords = new Set([...allowed].map((word) => word.toLowerCase()));
  const fragments = englishFragments().filter((f) => !allowed.has(f));
  const leaks: string[] = [];
  for (const raw of strings(root)) {
    let text = raw.replace(/[\u2066-\u2069]/g, '');
    for (const name of [...FILE_NAMES].sort((a, b) => b.length - a.length))
      text = text.replaceAll(name, ' ');
    for (const fragment of fragments) {
      const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text))
        leaks.push(`"${fragment}" in "${raw}"`);
    }
    for (const match of text.matchAll(ENGLISH_WORDS))
      if (!allowedWords.has(match[0].toLowerCase())) leaks.push(`"${match[0]}" in "${raw}"`);
  }
  return [...new Set(leaks)];
}

/** An upload record in `phase`, as the engine would hold it. */
export function uploadIn(phase: UploadPhase, interruption?: Upload['interruption']): Upload {
  const name = `${interruption ?? phase}.pdf`;
  const file = new File(['x'.repeat(2_500_000)], name, { type: 'application/pdf' });
  const percent = { uploading: 40, failed: 60, cancelled: 30, interrupted: 35 }[phase as string] as
    | number
    | undefined;
  const loaded = Math.round((file.size * (percent ?? 0)) / 100);
  const rule = defaultPurposeRules.knowledge_user;
  // Real validation errors, English messages and all: the locale must replace them.
  const tooBig = new File(['x'], name, { type: 'application/zip' });
  Object.defineProperty(tooBig, 'size', { value: 500 * 1024 * 1024 });
  return {
    localId: `local-${name}`,
    file,
    purpose: 'knowledge_user',
    phase,
    progress: {
      loaded,
      total: file.size,
      percent: percent ?? (phase === 'completed' || phase === 'completing' ? 100 : 0),
      bytesPerSecond: phase === 'uploading' ? 1_250_000 : 0,
      etaSeconds: phase === 'uploading' ? 2 : undefined,
    },
    serverFile:
      phase === 'completed'
        ? ({
            id: 'fil_1',
            filename: 'stored-name.pdf',
            status: 'COMPLETED',
          } as Upload['serverFile'])
        : undefined,
    error:
      phase === 'failed'
        ? { code: 'checksum-mismatch', message: 'The file arrived damaged.' }
        : interruption === 'choose-again'
          ? {
              code: 'file-mismatch',
              message: `other.pdf is not the file that was being uploaded as ${name}.`,
            }
          : undefined,
    rejection: phase === 'rejected' ? { file, errors: validateFile(tooBig, rule) } : undefined,
    ...(interruption ? { interruption } : {}),
    md5: undefined,
    attempts: 0,
    addedAt: 0,
  } as Upload;
}

const noop = (): void => undefined;

/** Every upload phase (and every interruption) as items, and every badge. */
export function renderItems(locale: Locale) {
  const uploads = [
    ...ALL_PHASES.map((phase) => uploadIn(phase)),
    ...(['choose-again', 'permission', 'unreachable', 'elsewhere'] as const).map((reason) =>
      uploadIn('interrupted', reason),
    ),
  ];
  return renderWithClient(
    <div className="filedock" dir={locale.dir} lang={locale.locale}>
      <ul className="filedock-list" aria-label={locale.uploader.list}>
        {uploads.map((upload) => (
          <UploadItem
            key={upload.localId}
            upload={upload}
            cancel={noop}
            retry={noop}
            remove={noop}
            supply={noop}
            resume={noop}
          />
        ))}
      </ul>
      {(['PENDING', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED', 'interrupted'] as const).map(
        (status) => (
          <StatusBadge key={status} status={status} />
        ),
      )}
    </div>,
    { labels: locale },
  );
}

/** An uploader with an upload held at 40 %, a failed one and refused ones, after real picks. */
export async function renderBusyUploader(locale: Locale) {
  const rendered = renderWithClient(<FileUploader purpose="knowledge_user" />, {
    labels: locale,
    pauseAt: { phase: 'uploading', percent: 40 },
    faults: [{ route: 'create', status: 403, filename: 'denied.txt' }],
  });
  const input = screen.getByLabelText<HTMLInputElement>(locale.dropzone.input);
  await userEvent.upload(input, [
    textFile('held.txt', '0123456789'),
    textFile('denied.txt'),
    new File(['x'], 'photo.png', { type: 'image/png' }),
    new File([], 'empty.txt', { type: 'text/plain' }),
  ]);
  await waitFor(() => {
    const phases = [...document.querySelectorAll('[data-filedock-upload]')].map((li) =>
      li.getAttribute('data-phase'),
    );
    expect(phases.sort()).toEqual(['failed', 'rejected', 'rejected', 'uploading']);
    expect(document.querySelector('[data-filedock-live]')?.textContent).not.toBe('');
  });
  return rendered;
}

const T0 = Date.parse('2026-11-01T12:00:00.000Z');

/** A list that deletes (xAI), two pages, with a delete being confirmed on the first row. */
export async function renderListConfirming(locale: Locale) {
  const rendered = renderWithClient(<FileList limit={2} />, {
    labels: { ...locale, timeZone: 'UTC' },
    service: 'xai',
    files: ['quarterly-report.pdf', 'notes.md', 'big.pdf'].map((filename, i) => ({
      id: `file_${i}`,
      filename,
      sizeBytes: 1_500_000 * (i + 1),
      createdAt: new Date(T0 + i * 3_600_000).toISOString(),
      status: 'COMPLETED' as const,
    })),
  });
  // The newest file is on the first page.
  const remove = await screen.findByRole('button', { name: locale.list.delete('big.pdf') });
  await userEvent.click(remove);
  await screen.findByRole('button', { name: locale.list.keep('big.pdf') });
  return rendered;
}

/** LlamaCloud's files: no size, no date (the list shows them as missing). */
export async function renderListMissing(locale: Locale) {
  const rendered = renderWithClient(<FileList />, {
    labels: locale,
    service: 'llamacloud',
    files: [{ filename: 'notes.md', status: 'COMPLETED' }],
  });
  await waitFor(() => expect(document.querySelector('[data-missing]')).not.toBeNull());
  return rendered;
}

export async function renderListError(locale: Locale) {
  const rendered = renderWithClient(<FileList />, {
    labels: locale,
    faults: [{ route: 'list', status: 503, times: Infinity }],
  });
  await screen.findByRole('alert');
  return rendered;
}

export async function renderListEmpty(locale: Locale) {
  const rendered = renderWithClient(<FileList />, { labels: locale });
  await screen.findByText(locale.list.empty);
  return rendered;
}

export function renderListLoading(locale: Locale) {
  return renderWithClient(<FileList />, { labels: locale, latencyMs: 86_400_000 });
}

export function renderDisabled(locale: Locale) {
  return renderWithClient(<FileUploader disabled />, { labels: locale });
}
