/**
 * Dutch (Nederlands). "Uploaden" and "je", as Dutch web products write.
 * @example import { nl } from 'filedock/locales/nl'; <FilesProvider labels={nl}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'nl';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'platte tekst' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const nl = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Bestanden uploaden',
    input: 'Bestanden kiezen om te uploaden',
    idle: 'Sleep bestanden hierheen of klik om te bladeren',
    accept: 'Loslaten om te uploaden',
    reject: 'Sommige van deze bestanden kunnen hier niet worden geüpload',
    disabled: 'Uploaden is uitgeschakeld',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Elk bestand tot ${maxSize}` : `${types(t)} tot ${maxSize}`,
  },
  uploader: {
    list: 'Uploadlijst',
    empty: 'Nog niets geüpload',
    totalProgress: 'Totale voortgang',
    totalSummary: ({ done, count, percent }) =>
      `${n(done)} van ${plural(locale, count, { one: '# bestand', other: '# bestanden' })} klaar · ${percent}`,
  },
  item: {
    progress: (name) => `Uploaden van ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} van ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · nog ${eta}` : speed),
    storedAs: (stored) => `opgeslagen als ${stored}`,
    cancel: (name) => `Uploaden van ${name} annuleren`,
    retry: (name) => `Uploaden van ${name} opnieuw proberen`,
    remove: (name) => `${name} verwijderen`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `${name} is niet toegevoegd: ${reasons}`,
    chooseAgain: (name) => `${name} opnieuw kiezen`,
    resume: (name) => `Uploaden van ${name} hervatten`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `De pagina is opnieuw geladen tijdens het uploaden van ${name}. Kies het bestand opnieuw om verder te gaan.`,
        permission: `De pagina is opnieuw geladen tijdens het uploaden van ${name}. Hervat het uploaden om verder te gaan.`,
        unreachable: `Het uploaden van ${name} is onderbroken en de server is niet bereikbaar.`,
        elsewhere: `${name} wordt in een ander tabblad geüpload.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} is geüpload.`,
    failed: (name, reason) => `Uploaden van ${name} mislukt: ${reason}`,
  },
  phase: {
    queued: 'In wachtrij',
    hashing: 'Controleren',
    creating: 'Starten',
    uploading: 'Uploaden',
    completing: 'Afronden',
    completed: 'Geüpload',
    failed: 'Mislukt',
    cancelled: 'Geannuleerd',
    rejected: 'Niet toegevoegd',
    interrupted: 'Onderbroken',
  },
  status: {
    PENDING: 'In behandeling',
    COMPLETED: 'Voltooid',
    CANCELLED: 'Geannuleerd',
    EXPIRED: 'Verlopen',
    FAILED: 'Mislukt',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Dit bestandstype wordt hier niet geaccepteerd.'
        : `Het bestandstype van ${p.fileName} wordt hier niet geaccepteerd. Toegestaan: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Het bestand is groter dan toegestaan.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} is groter dan de limiet van ${limit}.`
        : `${p.fileName} is ${size}, meer dan de limiet van ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Het bestand is leeg of te klein.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} is leeg.`
          : `${p.fileName} is leeg; het minimum is ${limit}.`;
      return size === undefined
        ? `${p.fileName} is kleiner dan het minimum van ${limit}.`
        : `${p.fileName} is ${size}, minder dan het minimum van ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'De bestandsnaam is ongeldig.';
      if (p.reason !== 'too-long')
        return {
          empty: 'De bestandsnaam mag niet leeg zijn.',
          'control-characters': 'De bestandsnaam bevat stuurtekens.',
          'path-separator': 'De bestandsnaam mag geen padscheidingsteken (/ of \\) bevatten.',
          reserved: '‘.’ en ‘..’ zijn geen geldige bestandsnamen.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'De bestandsnaam is ongeldig.'
        : `De naam van ${clipName(p.fileName)} is langer dan ${plural(locale, p.maxLength, { one: '# teken', other: '# tekens' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Te veel bestanden tegelijk gekozen.'
        : `Je kunt maximaal ${plural(locale, p.maxFiles, { one: '# bestand', other: '# bestanden' })} tegelijk toevoegen; ${p.fileName} is niet toegevoegd.`,
    network: 'De verbinding is verbroken.',
    timeout: 'De server reageerde niet op tijd.',
    'rate-limited': 'Te veel uploads tegelijk. Probeer het zo opnieuw.',
    'storage-rejected': 'De opslag heeft de upload geweigerd.',
    'upload-expired': 'De uploadsessie is verlopen.',
    'checksum-mismatch': 'Het bestand is beschadigd aangekomen (controlesom komt niet overeen).',
    'invalid-response': 'De server stuurde een antwoord dat niet gelezen kon worden.',
    aborted: 'Het uploaden is gestopt.',
    bad_request: 'De server heeft het verzoek geweigerd.',
    unauthorized: 'Je bent niet ingelogd.',
    forbidden: 'Je hebt geen toestemming om hier te uploaden.',
    not_found: 'Het bestand bestaat niet meer.',
    conflict: 'Er bestaat al een bestand met deze naam.',
    unsupported_media_type: 'De server ondersteunt dit bestandstype niet.',
    unprocessable_content: 'De server kon het bestand niet verwerken.',
    internal_server_error: 'Er is een probleem opgetreden op de server.',
    service_unavailable: 'De dienst is momenteel niet beschikbaar.',
    gateway_timeout: 'De dienst reageerde niet op tijd.',
    'file-mismatch':
      'Het gekozen bestand is niet het bestand dat werd geüpload. Er is niets geüpload.',
  },
  errorFallback: ({ code }) => `Er is een onverwachte fout opgetreden (${code}).`,
  list: {
    caption: 'Bestanden',
    name: 'Naam',
    size: 'Grootte',
    created: 'Aangemaakt',
    status: 'Status',
    actions: 'Acties',
    missing: '—',
    missingText: 'Onbekend',
    download: (name) => `${name} downloaden`,
    delete: (name) => `${name} verwijderen`,
    confirmDelete: (name) => `Verwijderen van ${name} bevestigen`,
    confirmDeleteText: 'Verwijderen',
    keep: (name) => `${name} behouden`,
    keepText: 'Behouden',
    deleting: (name) => `${name} wordt verwijderd…`,
    deleteFailed: (name, reason) => `${name} kon niet worden verwijderd. ${reason}`,
    deleted: (name) => `${name} is verwijderd.`,
    loading: 'Bestanden laden…',
    empty: 'Nog geen bestanden',
    error: (reason) => `De bestanden konden niet worden geladen. ${reason}`,
    retry: 'Opnieuw proberen',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pagination: 'Paginering',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Pagina ${page}` : `Pagina ${page} van ${pageCount}`,
  },
} satisfies Locale;
