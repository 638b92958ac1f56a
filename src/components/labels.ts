/**
 * Every string the components show or announce, in one replaceable object (i18n).
 *
 * Apps pass a partial object, per component (`labels` prop) or once in `<FilesProvider labels>`;
 * each group merges over these English defaults. Strings that interpolate are functions. Numbers,
 * sizes, speeds, durations and dates are formatted with `Intl` in `locale`, so a translation rarely
 * needs to touch them. Error texts are keyed by error `code`, never derived from English messages.
 */
import type { RemoteFileStatus } from '../core/backend.js';
import type { ErrorCode, ErrorInfo, FileErrorParams } from '../core/errors.js';
import type { InterruptionReason, UploadPhase } from '../core/upload/types.js';
import { resumeLabels } from './resume-labels.js';
import { tableLabels } from './table-labels.js';
import { english, mergeOver } from './english.js';
export { errorText, localeAttributes } from './english.js';

/**
 * What an error label is given: the error's `code` and English `message`, and for filedock's
 * validation errors the `params` that message states (the limit and the file's own value), to
 * format in the label's locale instead of reading the English.
 */
export interface LabelledError extends ErrorInfo {
  /** Set on validation errors (`FileError`): sizes in bytes, counts, type labels, the file's name. */
  params?: FileErrorParams;
}

/**
 * A replacement error text: fixed, or built from the error (its `message` is English; its
 * `params`, when set, hold the values to state).
 *
 * @example
 * 'file-too-large': ({ params }) =>
 *   params?.maxSize === undefined ? 'Too large.' : `At most ${format.bytes(params.maxSize)}.`
 */
export type ErrorLabel = string | ((error: LabelledError) => string);

/**
 * Error texts by code: the one table filedock translates errors with. Give it once as
 * `<FilesProvider labels={{ errors }}>` (or per component); the components show it, and hook-only
 * UIs read it through `useErrorText()`. The same object is accepted by `useFileUpload`'s
 * `messages` (an alias for apps that want `upload.error.message` itself translated).
 */
export type ErrorLabels = Partial<Record<ErrorCode, ErrorLabel>>;

export interface FiledockLabels {
  /** BCP 47 locale for every number, size, duration and date. @default 'en' */
  locale: string;
  /** Time zone for dates; `undefined` is the runtime's own. @default undefined */
  timeZone: string | undefined;
  /**
   * Writing direction of the uploader and the list (their root's `dir`); the right-to-left locales
   * (`ar`, `he`) set `'rtl'`. @default undefined (inherited from the page)
   */
  dir?: 'ltr' | 'rtl';
  dropzone: {
    /** Accessible name of the drop area (a button that opens the picker). @default 'Upload files' */
    label: string;
    /** Accessible name of the file input. @default 'Choose files to upload' */
    input: string;
    /** @default 'Drag files here, or click to browse' */
    idle: string;
    /** Shown while acceptable files are dragged over. @default 'Drop to upload' */
    accept: string;
    /** Shown while unacceptable files are dragged over. @default 'Some of these files cannot be uploaded here' */
    reject: string;
    /** @default 'Uploading is disabled' */
    disabled: string;
    /** The help line, from the purpose rule: type labels and the formatted size limit. */
    help: (rule: { types: readonly string[]; maxSize: string }) => string;
  };
  uploader: {
    /** Accessible name of the upload list. @default 'Uploads' */
    list: string;
    /** Shown when there are no uploads (only if the app asks for an empty state). @default 'No uploads yet' */
    empty: string;
    /** Accessible name of the total progress bar. @default 'Total progress' */
    totalProgress: string;
    /** The visible total line. */
    totalSummary: (info: { done: number; count: number; percent: string }) => string;
  };
  item: {
    /** Accessible name of an item's progress bar. */
    progress: (name: string) => string;
    /** `aria-valuetext` of a progress bar: sizes already formatted. */
    progressText: (info: { percent: string; loaded: string; total: string }) => string;
    /** Speed and time left while uploading: both already formatted; `eta` empty until known. */
    speed: (info: { speed: string; eta: string }) => string;
    /** The name the server stored, when it differs from the picked one. */
    storedAs: (storedName: string) => string;
    cancel: (name: string) => string;
    retry: (name: string) => string;
    remove: (name: string) => string;
    /** A refused file, as an alert: name and every reason. */
    rejected: (name: string, reasons: string) => string;
    /** Resume after a reload: the button that picks an interrupted upload's file again. */
    chooseAgain: (name: string) => string;
    /** Resume after a reload: the button that continues (re-grants a kept file, or asks the server again). */
    resume: (name: string) => string;
    /** Resume after a reload: what an interrupted upload waits for. */
    interrupted: (name: string, reason: InterruptionReason) => string;
  };
  /** Polite announcements; not made for every percent. */
  announce: {
    completed: (name: string) => string;
    failed: (name: string, reason: string) => string;
  };
  /** Client phases shown in status badges. */
  phase: Record<UploadPhase, string>;
  /** Server statuses shown in status badges. */
  status: Record<RemoteFileStatus, string>;
  /** Error texts by code (see `ErrorLabels`); a code not listed shows `errorFallback`. */
  errors: ErrorLabels;
  /**
   * The text for a code `errors` does not list (an undocumented `http-<status>`, an app's own
   * validator code). @default undefined (the error's own message, which is English)
   */
  errorFallback?: ErrorLabel;
  list: {
    /** Caption (accessible name) of the table. @default 'Files' */
    caption: string;
    name: string;
    size: string;
    created: string;
    status: string;
    actions: string;
    /** Shown for a size or date the service does not report (LlamaCloud has neither). @default '—' */
    missing: string;
    /** Read by screen readers instead of `missing`. @default 'Not known' */
    missingText: string;
    download: (name: string) => string;
    /** The row's delete button (clients that delete). */
    delete: (name: string) => string;
    /** The button that deletes, once asked; its visible text is `confirmDeleteText`. */
    confirmDelete: (name: string) => string;
    /** @default 'Delete' */
    confirmDeleteText: string;
    /** The button that keeps the file, once asked; its visible text is `keepText`. */
    keep: (name: string) => string;
    /** @default 'Keep' */
    keepText: string;
    /** Announced while the file is being deleted. */
    deleting: (name: string) => string;
    /** The alert when a delete failed, given the error's localised text. */
    deleteFailed: (name: string, reason: string) => string;
    /** Announced once the file is deleted (its row is gone). */
    deleted: (name: string) => string;
    /** @default 'Loading files…' */
    loading: string;
    /** @default 'No files yet' */
    empty: string;
    /** The error state's text, given the error's localised text. */
    error: (reason: string) => string;
    /** @default 'Try again' */
    retry: string;
    /** @default 'Previous page' */
    previous: string;
    /** @default 'Next page' */
    next: string;
    /** Accessible name of the pagination. @default 'Pagination' */
    pagination: string;
    /** `pageCount` is `undefined` while unknown. */
    pageOf: (page: string, pageCount: string | undefined) => string;
  };
}

/** Every error code a full translation names: all but the open-ended `http-<status>` family. */
export type TranslatedErrorCode = Exclude<ErrorCode, `http-${number}`>;

/**
 * A complete translation, as `filedock/locales/*` ship them: every label, a text for every error
 * code plus `errorFallback`, the locale tag (for `Intl`) and the writing direction. A key added to
 * `FiledockLabels` (or an error code added to core) makes every locale fail to type-check until
 * it is translated.
 */
export interface Locale extends FiledockLabels {
  dir: 'ltr' | 'rtl';
  errors: Record<TranslatedErrorCode, ErrorLabel>;
  errorFallback: ErrorLabel;
}

/** What `labels` props and the provider take: any subset, per group. */
export type FiledockLabelsInput = {
  [K in keyof FiledockLabels]?: FiledockLabels[K] extends (...args: never[]) => unknown
    ? FiledockLabels[K]
    : FiledockLabels[K] extends object
      ? Partial<FiledockLabels[K]>
      : FiledockLabels[K];
};

type ResumeText = keyof ResumeLabels;

/** The item texts only an interrupted upload shows (resume after a reload). */
export type ResumeLabels = Pick<FiledockLabels['item'], 'chooseAgain' | 'resume' | 'interrupted'>;

/** The list's texts only its table shows (rows, download and delete, pagination). */
export type TableLabels = Omit<FiledockLabels['list'], 'deleted' | 'loading' | 'error' | 'retry'>;

/**
 * What the components render with: every label, the resume-only and table-only texts given only
 * when the app or a locale gave them (the interrupted-upload UI and the list's table bring the
 * English ones).
 */
export type ShownLabels = Omit<FiledockLabels, 'item' | 'list'> & {
  item: Omit<FiledockLabels['item'], ResumeText> & Partial<ResumeLabels>;
  list: Omit<FiledockLabels['list'], keyof TableLabels> & Partial<TableLabels>;
};

/** What the list's table renders with: `ShownLabels` with every list text. */
export type TableShownLabels = Omit<ShownLabels, 'list'> & { list: FiledockLabels['list'] };

/** Every English default, the resume-only and table-only texts included. */
export const defaultLabels: FiledockLabels = /* @__PURE__ */ withAllTexts(english);

function withAllTexts(base: ShownLabels): FiledockLabels {
  return {
    ...base,
    item: { ...base.item, ...resumeLabels },
    list: { ...base.list, ...tableLabels },
  };
}

/** Later inputs win, group by group; `undefined` inputs are skipped. */
export function mergeLabels(
  ...inputs: ReadonlyArray<FiledockLabelsInput | undefined>
): FiledockLabels {
  return mergeOver(defaultLabels, inputs);
}
