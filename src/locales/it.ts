/**
 * Italian (italiano). "Carica" for upload and "Scarica" for download, with the informal "tu" of
 * Italian web products; "file" does not change in the plural
 * (`one` is left to `other`).
 * @example import { it } from 'filedock/locales/it'; <FilesProvider labels={it}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'it';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'testo semplice' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const it = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Carica file',
    input: 'Scegli i file da caricare',
    idle: 'Trascina qui i file o fai clic per sfogliare',
    accept: 'Rilascia per caricare',
    reject: 'Alcuni di questi file non possono essere caricati qui',
    disabled: 'Il caricamento è disattivato',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Qualsiasi file fino a ${maxSize}` : `${types(t)} fino a ${maxSize}`,
  },
  uploader: {
    list: 'Caricamenti',
    empty: 'Nessun caricamento',
    totalProgress: 'Avanzamento totale',
    totalSummary: ({ done, count, percent }) =>
      `Completati: ${n(done)} su ${plural(locale, count, { many: '# di file', other: '# file' })} · ${percent}`,
  },
  item: {
    progress: (name) => `Caricamento di ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} su ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · tempo rimanente ${eta}` : speed),
    storedAs: (stored) => `salvato come ${stored}`,
    cancel: (name) => `Annulla il caricamento di ${name}`,
    retry: (name) => `Riprova il caricamento di ${name}`,
    remove: (name) => `Rimuovi ${name}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `${name} non è stato aggiunto: ${reasons}`,
    chooseAgain: (name) => `Scegli di nuovo ${name}`,
    resume: (name) => `Riprendi il caricamento di ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `La pagina è stata ricaricata durante il caricamento di ${name}. Scegli di nuovo il file per continuare.`,
        permission: `La pagina è stata ricaricata durante il caricamento di ${name}. Riprendi il caricamento per continuare.`,
        unreachable: `Il caricamento di ${name} si è interrotto e il server non è raggiungibile.`,
        elsewhere: `${name} è in fase di caricamento in un’altra scheda.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} caricato.`,
    failed: (name, reason) => `Impossibile caricare ${name}: ${reason}`,
  },
  phase: {
    queued: 'In coda',
    hashing: 'Verifica',
    creating: 'Avvio',
    uploading: 'Caricamento',
    completing: 'Finalizzazione',
    completed: 'Caricato',
    failed: 'Non riuscito',
    cancelled: 'Annullato',
    rejected: 'Non aggiunto',
    interrupted: 'Interrotto',
  },
  status: {
    PENDING: 'In sospeso',
    COMPLETED: 'Completato',
    CANCELLED: 'Annullato',
    EXPIRED: 'Scaduto',
    FAILED: 'Non riuscito',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Questo tipo di file non è accettato qui.'
        : `Il tipo di ${p.fileName} non è accettato qui: scegli un file ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Il file supera le dimensioni massime.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} supera il limite di ${limit}.`
        : `${p.fileName} pesa ${size}, oltre il limite di ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Il file è vuoto o troppo piccolo.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} è vuoto.`
          : `${p.fileName} è vuoto, ma il minimo è ${limit}.`;
      return size === undefined
        ? `${p.fileName} non raggiunge il minimo di ${limit}.`
        : `${p.fileName} pesa ${size}, meno del minimo di ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'Il nome del file non è valido.';
      if (p.reason !== 'too-long')
        return {
          empty: 'Il nome del file non può essere vuoto.',
          'control-characters': 'Il nome del file contiene caratteri di controllo.',
          'path-separator': 'Il nome del file non può contenere separatori di percorso (/ o \\).',
          reserved: '«.» e «..» non sono nomi di file validi.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'Il nome del file non è valido.'
        : `Il nome di ${clipName(p.fileName)} supera ${plural(locale, p.maxLength, { one: '# carattere', many: '# di caratteri', other: '# caratteri' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Hai selezionato troppi file insieme.'
        : `Puoi aggiungere al massimo ${plural(locale, p.maxFiles, { many: '# di file', other: '# file' })} alla volta; ${p.fileName} non è stato aggiunto.`,
    network: 'La connessione si è interrotta.',
    timeout: 'Il server ha impiegato troppo tempo a rispondere.',
    'rate-limited': 'Troppi caricamenti contemporanei. Riprova tra poco.',
    'storage-rejected': 'Lo spazio di archiviazione ha rifiutato il caricamento.',
    'upload-expired': 'La sessione di caricamento è scaduta.',
    'checksum-mismatch': 'Il file è arrivato danneggiato (checksum non corrispondente).',
    'invalid-response': 'Il server ha inviato una risposta illeggibile.',
    aborted: 'Il caricamento è stato interrotto.',
    bad_request: 'Il server ha rifiutato la richiesta.',
    unauthorized: 'Non hai eseguito l’accesso.',
    forbidden: 'Non hai l’autorizzazione per caricare file qui.',
    not_found: 'Il file non esiste più.',
    conflict: 'Esiste già un file con questo nome.',
    unsupported_media_type: 'Il server non supporta questo tipo di file.',
    unprocessable_content: 'Il server non è riuscito a elaborare il file.',
    internal_server_error: 'Si è verificato un problema sul server.',
    service_unavailable: 'Il servizio non è al momento disponibile.',
    gateway_timeout: 'Il servizio non ha risposto in tempo.',
    'file-mismatch':
      'Il file scelto non è quello che si stava caricando. Non è stato caricato nulla.',
  },
  errorFallback: ({ code }) => `Si è verificato un errore imprevisto (${code}).`,
  list: {
    caption: 'File',
    name: 'Nome',
    size: 'Dimensione',
    created: 'Creato',
    status: 'Stato',
    actions: 'Azioni',
    missing: '—',
    missingText: 'Sconosciuto',
    download: (name) => `Scarica ${name}`,
    delete: (name) => `Elimina ${name}`,
    confirmDelete: (name) => `Sì, elimina ${name}`,
    confirmDeleteText: 'Elimina',
    keep: (name) => `Mantieni ${name}`,
    keepText: 'Mantieni',
    deleting: (name) => `Eliminazione di ${name}…`,
    deleteFailed: (name, reason) => `Impossibile eliminare ${name}. ${reason}`,
    deleted: (name) => `${name} eliminato.`,
    loading: 'Caricamento dei file…',
    empty: 'Nessun file',
    error: (reason) => `Impossibile caricare i file. ${reason}`,
    retry: 'Riprova',
    previous: 'Pagina precedente',
    next: 'Pagina successiva',
    pagination: 'Paginazione',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Pagina ${page}` : `Pagina ${page} di ${pageCount}`,
  },
} satisfies Locale;
