/**
 * German (Deutsch). Formal "Sie", as German business software addresses its users.
 * @example import { de } from 'filedock/locales/de'; <FilesProvider labels={de}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'de';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'Text' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const de = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Dateien hochladen',
    input: 'Dateien zum Hochladen auswählen',
    idle: 'Dateien hierher ziehen oder klicken, um sie auszuwählen',
    accept: 'Zum Hochladen loslassen',
    reject: 'Einige dieser Dateien können hier nicht hochgeladen werden',
    disabled: 'Hochladen ist deaktiviert',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Alle Dateitypen bis ${maxSize}` : `${types(t)} bis ${maxSize}`,
  },
  uploader: {
    list: 'Uploads',
    empty: 'Noch keine Uploads',
    totalProgress: 'Gesamtfortschritt',
    totalSummary: ({ done, count, percent }) =>
      `${n(done)} von ${plural(locale, count, { one: '# Datei', other: '# Dateien' })} fertig · ${percent}`,
  },
  item: {
    progress: (name) => `Hochladen von ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} von ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · noch ${eta}` : speed),
    storedAs: (stored) => `gespeichert als ${stored}`,
    cancel: (name) => `Hochladen von ${name} abbrechen`,
    retry: (name) => `Hochladen von ${name} erneut versuchen`,
    remove: (name) => `${name} entfernen`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name)
        ? reasons
        : `${name} wurde nicht hinzugefügt: ${reasons}`,
    chooseAgain: (name) => `${name} erneut auswählen`,
    resume: (name) => `Hochladen von ${name} fortsetzen`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `Die Seite wurde während des Hochladens von ${name} neu geladen. Wählen Sie die Datei erneut aus, um fortzufahren.`,
        permission: `Die Seite wurde während des Hochladens von ${name} neu geladen. Setzen Sie das Hochladen fort, um fortzufahren.`,
        unreachable: `Das Hochladen von ${name} wurde unterbrochen und der Server ist nicht erreichbar.`,
        elsewhere: `${name} wird gerade in einem anderen Tab hochgeladen.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} wurde hochgeladen.`,
    failed: (name, reason) => `${name} konnte nicht hochgeladen werden: ${reason}`,
  },
  phase: {
    queued: 'Wartet',
    hashing: 'Wird geprüft',
    creating: 'Wird gestartet',
    uploading: 'Wird hochgeladen',
    completing: 'Wird abgeschlossen',
    completed: 'Hochgeladen',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
    rejected: 'Nicht hinzugefügt',
    interrupted: 'Unterbrochen',
  },
  status: {
    PENDING: 'Ausstehend',
    COMPLETED: 'Abgeschlossen',
    CANCELLED: 'Abgebrochen',
    EXPIRED: 'Abgelaufen',
    FAILED: 'Fehlgeschlagen',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Dieser Dateityp wird hier nicht unterstützt.'
        : `Der Dateityp von ${p.fileName} wird hier nicht unterstützt. Erlaubt sind ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Die Datei überschreitet die maximale Größe.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} ist größer als die erlaubten ${limit}.`
        : `${p.fileName} ist ${size} groß, erlaubt sind höchstens ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Die Datei ist leer oder zu klein.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} ist leer.`
          : `${p.fileName} ist leer, erforderlich sind mindestens ${limit}.`;
      return size === undefined
        ? `${p.fileName} ist kleiner als die erforderlichen ${limit}.`
        : `${p.fileName} ist ${size} groß, erforderlich sind mindestens ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'Der Dateiname ist ungültig.';
      if (p.reason !== 'too-long')
        return {
          empty: 'Der Dateiname darf nicht leer sein.',
          'control-characters': 'Der Dateiname enthält Steuerzeichen.',
          'path-separator': 'Der Dateiname darf keinen Pfadtrenner (/ oder \\) enthalten.',
          reserved: '„.“ und „..“ sind keine gültigen Dateinamen.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'Der Dateiname ist ungültig.'
        : `Der Name von ${clipName(p.fileName)} ist länger als ${n(p.maxLength)} Zeichen.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Es wurden zu viele Dateien auf einmal ausgewählt.'
        : `${plural(locale, p.maxFiles, { one: 'Es kann nur eine Datei', other: 'Es können höchstens # Dateien' })} auf einmal hinzugefügt werden; ${p.fileName} wurde nicht hinzugefügt.`,
    network: 'Die Verbindung wurde unterbrochen.',
    timeout: 'Der Server hat nicht rechtzeitig geantwortet.',
    'rate-limited': 'Zu viele Uploads gleichzeitig. Versuchen Sie es gleich noch einmal.',
    'storage-rejected': 'Der Speicher hat den Upload abgelehnt.',
    'upload-expired': 'Die Upload-Sitzung ist abgelaufen.',
    'checksum-mismatch': 'Die Datei ist beschädigt angekommen (Prüfsumme stimmt nicht überein).',
    'invalid-response': 'Der Server hat eine unlesbare Antwort gesendet.',
    aborted: 'Das Hochladen wurde abgebrochen.',
    bad_request: 'Der Server hat die Anfrage abgelehnt.',
    unauthorized: 'Sie sind nicht angemeldet.',
    forbidden: 'Sie haben keine Berechtigung, hier Dateien hochzuladen.',
    not_found: 'Die Datei existiert nicht mehr.',
    conflict: 'Eine Datei mit diesem Namen ist bereits vorhanden.',
    unsupported_media_type: 'Der Server unterstützt diesen Dateityp nicht.',
    unprocessable_content: 'Der Server konnte die Datei nicht verarbeiten.',
    internal_server_error: 'Auf dem Server ist ein Fehler aufgetreten.',
    service_unavailable: 'Der Dienst ist derzeit nicht verfügbar.',
    gateway_timeout: 'Der Dienst hat nicht rechtzeitig geantwortet.',
    'file-mismatch':
      'Die ausgewählte Datei ist nicht die, deren Hochladen unterbrochen wurde. Es wurde nichts hochgeladen.',
  },
  errorFallback: ({ code }) => `Ein unerwarteter Fehler ist aufgetreten (${code}).`,
  list: {
    caption: 'Dateien',
    name: 'Name',
    size: 'Größe',
    created: 'Erstellt',
    status: 'Status',
    actions: 'Aktionen',
    missing: '—',
    missingText: 'Unbekannt',
    download: (name) => `${name} herunterladen`,
    delete: (name) => `${name} löschen`,
    confirmDelete: (name) => `Löschen von ${name} bestätigen`,
    confirmDeleteText: 'Löschen',
    keep: (name) => `${name} behalten`,
    keepText: 'Behalten',
    deleting: (name) => `${name} wird gelöscht…`,
    deleteFailed: (name, reason) => `${name} konnte nicht gelöscht werden. ${reason}`,
    deleted: (name) => `${name} wurde gelöscht.`,
    loading: 'Dateien werden geladen…',
    empty: 'Noch keine Dateien',
    error: (reason) => `Die Dateien konnten nicht geladen werden. ${reason}`,
    retry: 'Erneut versuchen',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    pagination: 'Seitennavigation',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Seite ${page}` : `Seite ${page} von ${pageCount}`,
  },
} satisfies Locale;
