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
    idle: 'Перетащите файлы сюда или нажмите, чтобы выбрать',
    accept: 'Отпустите, чтобы загрузить',
    reject: 'Некоторые из этих файлов нельзя загрузить сюда',
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
        'choose-again': `Страница была перезагружена во время загрузки ${name}. Чтобы продолжить, выберите файл снова.`,
        permission: `Страница была перезагружена во время загрузки ${name}. Чтобы продолжить, возобновите загрузку.`,
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
        ? 'Файлы этого типа сюда загрузить нельзя.'
        : `Тип файла ${p.fileName} здесь не принимается. Допустимые форматы: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Файл превышает максимальный размер.';
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
          : `Файл ${p.fileName} пуст, а минимальный размер — ${limit}.`;
      return size === undefined
        ? `Файл ${p.fileName} меньше минимальных ${limit}.`
        : `Размер файла ${p.fileName} — ${size}, а минимум — ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'Недопустимое имя файла.';
      if (p.reason !== 'too-long')
        return {
          empty: 'Имя файла не может быть пустым.',
          'control-characters': 'Имя файла содержит управляющие символы.',
          'path-separator': 'Имя файла не может содержать разделитель пути (/ или \\).',
          reserved: '«.» и «..» — недопустимые имена файлов.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'Недопустимое имя файла.'
        : `Имя файла ${clipName(p.fileName)} длиннее ${plural(locale, p.maxLength, { one: '# символа', few: '# символов', many: '# символов', other: '# символа' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Выбрано слишком много файлов сразу.'
        : `За один раз можно добавить не больше ${plural(locale, p.maxFiles, { one: '# файла', few: '# файлов', many: '# файлов', other: '# файла' })}; файл ${p.fileName} не добавлен.`,
    network: 'Соединение потеряно.',
    timeout: 'Сервер слишком долго не отвечал.',
    'rate-limited': 'Слишком много загрузок одновременно. Повторите попытку чуть позже.',
    'storage-rejected': 'Хранилище отклонило загрузку.',
    'upload-expired': 'Сеанс загрузки истёк.',
    'checksum-mismatch': 'Файл пришёл повреждённым (контрольная сумма не совпадает).',
    'invalid-response': 'Сервер прислал ответ, который не удалось прочитать.',
    aborted: 'Загрузка остановлена.',
    bad_request: 'Сервер отклонил запрос.',
    unauthorized: 'Вы не вошли в систему.',
    forbidden: 'У вас нет прав на загрузку сюда.',
    not_found: 'Файл больше не существует.',
    conflict: 'Файл с таким именем уже существует.',
    unsupported_media_type: 'Сервер не поддерживает файлы этого типа.',
    unprocessable_content: 'Сервер не смог обработать файл.',
    internal_server_error: 'На сервере произошла ошибка.',
    service_unavailable: 'Сервис сейчас недоступен.',
    gateway_timeout: 'Сервис не ответил вовремя.',
    'file-mismatch': 'Выбран не тот файл, который загружался. Ничего не загружено.',
  },
  errorFallback: ({ code }) => `Произошла непредвиденная ошибка (${code}).`,
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
    pagination: 'Навигация по страницам',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Страница ${page}` : `Страница ${page} из ${pageCount}`,
  },
} satisfies Locale;
