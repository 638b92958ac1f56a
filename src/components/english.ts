/**
 * The English texts and the label helpers the components run on (`labels.ts` holds the types and
 * the public `defaultLabels` / `mergeLabels`). The texts of an interrupted upload are not here:
 * they load with its UI (`resume-labels.ts`), which an uploader without `resume` never shows; nor
 * are those of the list's table, which load with it (`table-labels.ts`).
 */
import type { FiledockLabels, FiledockLabelsInput, LabelledError, ShownLabels } from './labels.js';

const keepMessage = (error: LabelledError): string => error.message;

/** The English texts the components start from, all but the resume-only ones. */
export const english: ShownLabels = {
  locale: 'en',
  timeZone: undefined,
  dropzone: {
    label: 'Upload files',
    input: 'Choose files to upload',
    idle: 'Drag files here, or click to browse',
    accept: 'Drop to upload',
    reject: 'Some of these files cannot be uploaded here',
    disabled: 'Uploading is disabled',
    help: ({ types, maxSize }) =>
      types.length === 0 ? `Any file up to ${maxSize}` : `${types.join(', ')} up to ${maxSize}`,
  },
  uploader: {
    list: 'Uploads',
    empty: 'No uploads yet',
    totalProgress: 'Total progress',
    totalSummary: ({ done, count, percent }) =>
      `${done} of ${count} ${count === 1 ? 'file' : 'files'} done · ${percent}`,
  },
  item: {
    progress: (name) => `Upload of ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} of ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · ${eta} left` : speed),
    storedAs: (stored) => `stored as ${stored}`,
    cancel: (name) => `Cancel upload of ${name}`,
    retry: (name) => `Retry upload of ${name}`,
    remove: (name) => `Remove ${name}`,
    // filedock's own reasons open with the file's name; a replaced message may not name it.
    rejected: (name, reasons) =>
      name !== '' && reasons.startsWith(name) ? reasons : `${name} was not added: ${reasons}`,
  },
  announce: {
    completed: (name) => `${name} uploaded.`,
    failed: (name, reason) => `${name} failed to upload: ${reason}`,
  },
  phase: {
    queued: 'Queued',
    hashing: 'Checking',
    creating: 'Starting',
    uploading: 'Uploading',
    completing: 'Finishing',
    completed: 'Uploaded',
    failed: 'Failed',
    cancelled: 'Cancelled',
    rejected: 'Not added',
    interrupted: 'Interrupted',
  },
  status: {
    PENDING: 'Pending',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
    EXPIRED: 'Expired',
    FAILED: 'Failed',
  },
  errors: {
    // Validation messages already name the rule's limit (size, types): keep them.
    'file-invalid-type': keepMessage,
    'file-too-large': keepMessage,
    'file-too-small': 'The file is empty.',
    'filename-invalid': keepMessage,
    'too-many-files': keepMessage,
    network: 'The connection was lost.',
    timeout: 'The server took too long to answer.',
    'rate-limited': 'Too many uploads at once. Try again in a moment.',
    'storage-rejected': 'Storage refused the upload.',
    'upload-expired': 'The upload session expired.',
    'checksum-mismatch': 'The file arrived damaged (checksum mismatch).',
    'invalid-response': 'The server sent an answer filedock could not read.',
    aborted: 'The upload was stopped.',
    unauthorized: 'You are not signed in.',
    forbidden: 'You are not allowed to upload here.',
    not_found: 'The file no longer exists.',
    conflict: 'A file with this name already exists.',
    internal_server_error: 'The server ran into a problem.',
    service_unavailable: 'The service is unavailable right now.',
    'file-mismatch': keepMessage, // it names both files
  },
  // The rest of the list's texts load with its table (table-labels.ts).
  list: {
    deleted: (name) => `${name} deleted.`,
    loading: 'Loading files…',
    error: (reason) => `The files could not be loaded. ${reason}`,
    retry: 'Try again',
  },
};

/**
 * What the components render with: `mergeLabels` without the resume-only defaults, which the
 * interrupted-upload UI brings along when it loads.
 */
export function shownLabels(
  ...inputs: ReadonlyArray<FiledockLabelsInput | undefined>
): ShownLabels {
  return mergeOver(english, inputs);
}

/** `inputs` over `base`, group by group: an object value is a group, anything else a whole value. */
export function mergeOver<T extends ShownLabels>(
  base: T,
  inputs: ReadonlyArray<FiledockLabelsInput | undefined>,
): T {
  const merged: Record<string, unknown> = { ...base };
  for (const input of inputs) {
    for (const [key, value] of Object.entries(input ?? {})) {
      if (value === undefined) continue;
      merged[key] = typeof value === 'object' ? { ...(merged[key] as object), ...value } : value;
    }
  }
  return merged as T;
}

/** The text to show for an error: its label by code, else `errorFallback`, else its own message. */
export function errorText(
  labels: Pick<FiledockLabels, 'errors' | 'errorFallback'>,
  error: LabelledError,
): string {
  const label = labels.errors[error.code] ?? labels.errorFallback;
  if (label === undefined) return error.message;
  return typeof label === 'function' ? label(error) : label;
}

/**
 * `dir` and `lang` for a component's root: the labels' direction, and their locale when it is not
 * the default English (an app that only replaced some strings keeps its page's `lang`).
 */
export function localeAttributes(labels: Pick<FiledockLabels, 'dir' | 'locale'>): {
  dir?: 'ltr' | 'rtl';
  lang?: string;
} {
  return {
    ...(labels.dir ? { dir: labels.dir } : {}),
    ...(labels.locale !== english.locale ? { lang: labels.locale } : {}),
  };
}
