/**
 * Polish (polski). "Prześlij" for upload and "Pobierz" for download, as Polish products write;
 * counts take the nominative forms `one` (1 plik), `few` (2–4, 22–24… pliki), `many` (5–21…
 * plików) and `other` (fractions: pliku).
 * @example import { pl } from 'filedock/locales/pl'; <FilesProvider labels={pl}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'pl';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'zwykły tekst' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const pl = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Prześlij pliki',
    input: 'Wybierz pliki do przesłania',
    idle: 'Przeciągnij pliki tutaj lub kliknij, aby je wybrać',
    accept: 'Upuść, aby przesłać',
    reject: 'Niektórych z tych plików nie można tu przesłać',
    disabled: 'Przesyłanie jest wyłączone',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Dowolny plik do ${maxSize}` : `${types(t)} do ${maxSize}`,
  },
  uploader: {
    list: 'Przesyłane pliki',
    empty: 'Nie przesłano jeszcze żadnych plików',
    totalProgress: 'Postęp całkowity',
    totalSummary: ({ done, count, percent }) =>
      `${plural(locale, count, { one: '# plik', few: '# pliki', many: '# plików', other: '# pliku' })} · ukończono ${n(done)} · ${percent}`,
  },
  item: {
    progress: (name) => `Przesyłanie pliku ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} z ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · pozostało ${eta}` : speed),
    storedAs: (stored) => `zapisano jako ${stored}`,
    cancel: (name) => `Anuluj przesyłanie pliku ${name}`,
    retry: (name) => `Ponów przesyłanie pliku ${name}`,
    remove: (name) => `Usuń ${name} z listy`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `Nie dodano pliku ${name}: ${reasons}`,
    chooseAgain: (name) => `Wybierz ponownie plik ${name}`,
    resume: (name) => `Wznów przesyłanie pliku ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `Strona została odświeżona podczas przesyłania pliku ${name}. Wybierz go ponownie, aby kontynuować.`,
        permission: `Strona została odświeżona podczas przesyłania pliku ${name}. Wznów przesyłanie, aby kontynuować.`,
        unreachable: `Przesyłanie pliku ${name} zostało przerwane, a serwer jest nieosiągalny.`,
        elsewhere: `Plik ${name} jest przesyłany w innej karcie.`,
      })[reason],
  },
  announce: {
    completed: (name) => `Przesłano plik ${name}.`,
    failed: (name, reason) => `Nie udało się przesłać pliku ${name}: ${reason}`,
  },
  phase: {
    queued: 'W kolejce',
    hashing: 'Sprawdzanie',
    creating: 'Rozpoczynanie',
    uploading: 'Przesyłanie',
    completing: 'Kończenie',
    completed: 'Przesłano',
    failed: 'Błąd',
    cancelled: 'Anulowano',
    rejected: 'Nie dodano',
    interrupted: 'Przerwano',
  },
  status: {
    PENDING: 'Oczekuje',
    COMPLETED: 'Ukończono',
    CANCELLED: 'Anulowano',
    EXPIRED: 'Wygasło',
    FAILED: 'Błąd',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Ten typ pliku nie jest tu akceptowany.'
        : `Typ pliku ${p.fileName} nie jest tu akceptowany. Dozwolone typy: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Plik przekracza maksymalny rozmiar.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `Plik ${p.fileName} przekracza maksymalny rozmiar ${limit}.`
        : `Plik ${p.fileName} ma ${size}, a maksymalny rozmiar to ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Plik jest pusty lub za mały.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `Plik ${p.fileName} jest pusty.`
          : `Plik ${p.fileName} jest pusty, a minimalny rozmiar to ${limit}.`;
      return size === undefined
        ? `Plik ${p.fileName} jest mniejszy niż minimalny rozmiar ${limit}.`
        : `Plik ${p.fileName} ma ${size}, a minimalny rozmiar to ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'Nazwa pliku jest nieprawidłowa.';
      if (p.reason !== 'too-long')
        return {
          empty: 'Nazwa pliku nie może być pusta.',
          'control-characters': 'Nazwa pliku zawiera znaki sterujące.',
          'path-separator': 'Nazwa pliku nie może zawierać separatora ścieżki (/ lub \\).',
          reserved: '„.” i „..” nie są prawidłowymi nazwami plików.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'Nazwa pliku jest nieprawidłowa.'
        : `Nazwa pliku ${clipName(p.fileName)} jest dłuższa niż ${plural(locale, p.maxLength, { one: '# znak', few: '# znaki', many: '# znaków', other: '# znaku' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Wybrano zbyt wiele plików naraz.'
        : `Naraz można dodać najwyżej ${plural(locale, p.maxFiles, { one: '# plik', few: '# pliki', many: '# plików', other: '# pliku' })}; plik ${p.fileName} nie został dodany.`,
    network: 'Utracono połączenie.',
    timeout: 'Serwer zbyt długo nie odpowiadał.',
    'rate-limited': 'Zbyt wiele przesyłanych plików naraz. Spróbuj ponownie za chwilę.',
    'storage-rejected': 'Magazyn plików odrzucił przesyłanie.',
    'upload-expired': 'Sesja przesyłania wygasła.',
    'checksum-mismatch': 'Plik dotarł uszkodzony (niezgodna suma kontrolna).',
    'invalid-response': 'Serwer wysłał odpowiedź, której nie można odczytać.',
    aborted: 'Przesyłanie zostało zatrzymane.',
    bad_request: 'Serwer odrzucił żądanie.',
    unauthorized: 'Musisz się zalogować.',
    forbidden: 'Nie masz uprawnień do przesyłania plików w tym miejscu.',
    not_found: 'Plik już nie istnieje.',
    conflict: 'Plik o tej nazwie już istnieje.',
    unsupported_media_type: 'Serwer nie obsługuje tego typu pliku.',
    unprocessable_content: 'Serwer nie mógł przetworzyć pliku.',
    internal_server_error: 'Wystąpił problem z serwerem.',
    service_unavailable: 'Usługa jest chwilowo niedostępna.',
    gateway_timeout: 'Usługa nie odpowiedziała na czas.',
    'file-mismatch': 'Wybrany plik nie jest tym, który był przesyłany. Nic nie zostało przesłane.',
  },
  errorFallback: ({ code }) => `Wystąpił nieoczekiwany błąd (${code}).`,
  list: {
    caption: 'Pliki',
    name: 'Nazwa',
    size: 'Rozmiar',
    created: 'Utworzono',
    status: 'Stan',
    actions: 'Akcje',
    missing: '—',
    missingText: 'Nieznany',
    download: (name) => `Pobierz ${name}`,
    delete: (name) => `Usuń ${name}`,
    confirmDelete: (name) => `Tak, usuń plik ${name}`,
    confirmDeleteText: 'Usuń',
    keep: (name) => `Zachowaj ${name}`,
    keepText: 'Zachowaj',
    deleting: (name) => `Usuwanie pliku ${name}…`,
    deleteFailed: (name, reason) => `Nie udało się usunąć pliku ${name}. ${reason}`,
    deleted: (name) => `Usunięto plik ${name}.`,
    loading: 'Wczytywanie plików…',
    empty: 'Brak plików',
    error: (reason) => `Nie udało się wczytać plików. ${reason}`,
    retry: 'Spróbuj ponownie',
    previous: 'Poprzednia strona',
    next: 'Następna strona',
    pagination: 'Paginacja',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Strona ${page}` : `Strona ${page} z ${pageCount}`,
  },
} satisfies Locale;
