/**
 * Russian (русский). "Загрузить" for upload and "Скачать" for download, formal "вы"; counts after
 * "из" take the genitive: `one` (из 1, 21… файла), `few`/`many` (из 2, 5, 11… файлов).
 * @example import { ru } from 'filedock/locales/ru'; <FilesProvider labels={ru}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'ru';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'обычный текст' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const ru = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Загрузить файлы',
    input: 'Выбрать файлы для загрузки',
    idle: 'Перетащите файлы сюда или нажмите для выбора',
    accept: 'Отпустите для загрузки',
    reject: 'Некоторые файлы сюда загрузить нельзя',
    disabled: 'Загрузка отключена',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Любые файлы до ${maxSize}` : `${types(t)}, до ${maxSize}`,
  },
  uploader: {
    list: 'Загрузки',
    empty: 'Загрузок пока нет',
    totalProgress: 'Общий прогресс',
    totalSummary: ({ done, count, percent }) =>
      `Готово ${n(done)} из ${plural(locale, count, { one: '# файла', few: '# файлов', many: '# файлов', other: '# файла' })} · ${percent}`,
  },
  item: {
    progress: (name) => `Загрузка ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} из ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · осталось ${eta}` : speed),
    storedAs: (stored) => `сохранён как ${stored}`,
    cancel: (name) => `Отменить загрузку ${name}`,
    retry: (name) => `Повторить загрузку ${name}`,
    remove: (name) => `Убрать ${name} из списка`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `${name} не добавлен: ${reasons}`,
    chooseAgain: (name) => `Выбрать ${name} снова`,
    resume: (name) => `Продолжить загрузку ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `Страница перезагрузилась во время загрузки ${name}. Чтобы продолжить, выберите файл снова.`,
        permission: `Страница перезагрузилась во время загрузки ${name}. Чтобы продолжить, возобновите загрузку.`,
        unreachable: `Загрузка ${name} прервана, сервер недоступен.`,
        elsewhere: `${name} загружается в другой вкладке.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} загружен.`,
    failed: (name, reason) => `Не удалось загрузить ${name}: ${reason}`,
  },
  phase: {
    queued: 'В очереди',
    hashing: 'Проверка',
    creating: 'Подготовка',
    uploading: 'Загрузка',
    completing: 'Завершение',
    completed: 'Загружено',
    failed: 'Ошибка',
    cancelled: 'Отменено',
    rejected: 'Не добавлено',
    interrupted: 'Прервано',
  },
  status: {
    PENDING: 'Ожидает',
    COMPLETED: 'Готово',
    CANCELLED: 'Отменено',
    EXPIRED: 'Истекло',
    FAILED: 'Ошибка',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Такие файлы сюда загрузить нельзя.'
        : `Тип файла ${p.fileName} не подходит. Допустимые форматы: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Файл слишком большой.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `Файл ${p.fileName} больше допустимых ${limit}.`
        : `Размер файла ${p.fileName} — ${size}, а максимум — ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Файл пуст или слишком мал.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `Файл ${p.fileName} пуст.`
          : `Файл ${p.fileName} пуст, а минимум — ${limit}.`;
      return size === undefined
        ? `Файл ${p.fileName} меньше минимальных ${limit}.`
        : `Размер файла ${p.fileName} — ${size}, а минимум — ${limit}.`;
    },
    // One general text for a reason without its own text and for too-long without its values.
    'filename-invalid': ({ params: p }) =>
      p?.reason === 'too-long' && p.fileName !== undefined && p.maxLength !== undefined
        ? `Имя файла ${clipName(p.fileName)} длиннее ${plural(locale, p.maxLength, { one: '# символа', few: '# символов', many: '# символов', other: '# символа' })}.`
        : ((
            {
              empty: 'Имя файла не может быть пустым.',
              'control-characters': 'Имя файла содержит управляющие символы.',
              'path-separator': 'Имя файла не может содержать / или \\.',
              reserved: '«.» и «..» — недопустимые имена.',
            } as Record<string, string | undefined>
          )[p?.reason ?? ''] ?? 'Недопустимое имя файла.'),
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Выбрано слишком много файлов.'
        : `Можно добавить не больше ${plural(locale, p.maxFiles, { one: '# файла', few: '# файлов', many: '# файлов', other: '# файла' })} сразу; ${p.fileName} не добавлен.`,
    network: 'Соединение потеряно.',
    timeout: 'Сервер не ответил вовремя.',
    'rate-limited': 'Слишком много загрузок сразу. Повторите чуть позже.',
    'storage-rejected': 'Хранилище отклонило загрузку.',
    'upload-expired': 'Сеанс загрузки истёк.',
    'checksum-mismatch': 'Файл повреждён: контрольная сумма не совпадает.',
    'invalid-response': 'Не удалось прочитать ответ сервера.',
    aborted: 'Загрузка остановлена.',
    bad_request: 'Сервер отклонил запрос.',
    unauthorized: 'Вы не вошли в систему.',
    forbidden: 'Нет прав на загрузку сюда.',
    not_found: 'Файл больше не существует.',
    conflict: 'Файл с таким именем уже есть.',
    unsupported_media_type: 'Сервер не поддерживает такие файлы.',
    unprocessable_content: 'Сервер не смог обработать файл.',
    internal_server_error: 'Ошибка на сервере.',
    service_unavailable: 'Сервис сейчас недоступен.',
    gateway_timeout: 'Сервис не ответил вовремя.',
    'file-mismatch': 'Выбран не тот файл, что загружался. Ничего не загружено.',
  },
  errorFallback: ({ code }) => `Непредвиденная ошибка (${code}).`,
  list: {
    caption: 'Файлы',
    name: 'Имя',
    size: 'Размер',
    created: 'Создан',
    status: 'Статус',
    actions: 'Действия',
    missing: '—',
    missingText: 'Неизвестно',
    download: (name) => `Скачать ${name}`,
    delete: (name) => `Удалить ${name}`,
    confirmDelete: (name) => `Да, удалить ${name}`,
    confirmDeleteText: 'Удалить',
    keep: (name) => `Не удалять ${name}`,
    keepText: 'Не удалять',
    deleting: (name) => `Удаление ${name}…`,
    deleteFailed: (name, reason) => `Не удалось удалить ${name}. ${reason}`,
    deleted: (name) => `${name} удалён.`,
    loading: 'Загрузка списка файлов…',
    empty: 'Файлов пока нет',
    error: (reason) => `Не удалось загрузить список файлов. ${reason}`,
    retry: 'Повторить',
    previous: 'Предыдущая страница',
    next: 'Следующая страница',
    pagination: 'Страницы',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Страница ${page}` : `Страница ${page} из ${pageCount}`,
  },
} satisfies Locale;
