/**
 * Spanish (español). "Subir" for upload and "tú", as Spanish-language web products write.
 * @example import { es } from 'filedock/locales/es'; <FilesProvider labels={es}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'es';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'texto sin formato' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const es = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Subir archivos',
    input: 'Elegir archivos para subir',
    idle: 'Arrastra archivos aquí o haz clic para buscarlos',
    accept: 'Suelta para subir',
    reject: 'Algunos de estos archivos no se pueden subir aquí',
    disabled: 'La subida de archivos está desactivada',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Cualquier archivo de hasta ${maxSize}` : `${types(t)} de hasta ${maxSize}`,
  },
  uploader: {
    list: 'Archivos en subida',
    empty: 'Aún no has subido nada',
    totalProgress: 'Progreso total',
    totalSummary: ({ done, count, percent }) =>
      `Completados: ${n(done)} de ${plural(locale, count, { one: '# archivo', many: '# de archivos', other: '# archivos' })} · ${percent}`,
  },
  item: {
    progress: (name) => `Subida de ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} de ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · quedan ${eta}` : speed),
    storedAs: (stored) => `guardado como ${stored}`,
    cancel: (name) => `Cancelar la subida de ${name}`,
    retry: (name) => `Reintentar la subida de ${name}`,
    remove: (name) => `Quitar ${name}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `No se ha añadido ${name}: ${reasons}`,
    chooseAgain: (name) => `Volver a elegir ${name}`,
    resume: (name) => `Reanudar la subida de ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `La página se recargó durante la subida de ${name}. Vuelve a elegir el archivo para continuar.`,
        permission: `La página se recargó durante la subida de ${name}. Reanuda la subida para continuar.`,
        unreachable: `La subida de ${name} se interrumpió y no se puede contactar con el servidor.`,
        elsewhere: `${name} se está subiendo en otra pestaña.`,
      })[reason],
  },
  announce: {
    completed: (name) => `Se ha subido ${name}.`,
    failed: (name, reason) => `No se ha podido subir ${name}: ${reason}`,
  },
  phase: {
    queued: 'En cola',
    hashing: 'Comprobando',
    creating: 'Iniciando',
    uploading: 'Subiendo',
    completing: 'Finalizando',
    completed: 'Subido',
    failed: 'Error',
    cancelled: 'Cancelado',
    rejected: 'No añadido',
    interrupted: 'Interrumpido',
  },
  status: {
    PENDING: 'Pendiente',
    COMPLETED: 'Completado',
    CANCELLED: 'Cancelado',
    EXPIRED: 'Caducado',
    FAILED: 'Error',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Este tipo de archivo no se admite aquí.'
        : `El tipo de ${p.fileName} no se admite aquí. Solo se admite ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'El archivo supera el tamaño máximo.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} supera el límite de ${limit}.`
        : `${p.fileName} ocupa ${size}, más que el límite de ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'El archivo está vacío o es demasiado pequeño.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} está vacío.`
          : `${p.fileName} está vacío; el mínimo es de ${limit}.`;
      return size === undefined
        ? `${p.fileName} no llega al mínimo de ${limit}.`
        : `${p.fileName} ocupa ${size}, menos que el mínimo de ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'El nombre del archivo no es válido.';
      if (p.reason !== 'too-long')
        return {
          empty: 'El nombre del archivo no puede estar vacío.',
          'control-characters': 'El nombre del archivo contiene caracteres de control.',
          'path-separator': 'El nombre del archivo no puede contener separadores de ruta (/ o \\).',
          reserved: '«.» y «..» no son nombres de archivo válidos.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'El nombre del archivo no es válido.'
        : `El nombre de ${clipName(p.fileName)} tiene más de ${plural(locale, p.maxLength, { one: '# carácter', many: '# de caracteres', other: '# caracteres' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Has seleccionado demasiados archivos a la vez.'
        : `Solo puedes añadir ${plural(locale, p.maxFiles, { one: '# archivo', many: '# de archivos', other: '# archivos' })} a la vez; no se ha añadido ${p.fileName}.`,
    network: 'Se ha perdido la conexión.',
    timeout: 'El servidor ha tardado demasiado en responder.',
    'rate-limited': 'Hay demasiadas subidas a la vez. Vuelve a intentarlo en un momento.',
    'storage-rejected': 'El almacenamiento ha rechazado la subida.',
    'upload-expired': 'La sesión de subida ha caducado.',
    'checksum-mismatch': 'El archivo ha llegado dañado (la suma de comprobación no coincide).',
    'invalid-response': 'El servidor ha enviado una respuesta que no se puede leer.',
    aborted: 'Se ha detenido la subida.',
    bad_request: 'El servidor ha rechazado la solicitud.',
    unauthorized: 'No has iniciado sesión.',
    forbidden: 'No tienes permiso para subir archivos aquí.',
    not_found: 'El archivo ya no existe.',
    conflict: 'Ya existe un archivo con este nombre.',
    unsupported_media_type: 'El servidor no admite este tipo de archivo.',
    unprocessable_content: 'El servidor no ha podido procesar el archivo.',
    internal_server_error: 'El servidor ha tenido un problema.',
    service_unavailable: 'El servicio no está disponible en este momento.',
    gateway_timeout: 'El servicio no ha respondido a tiempo.',
    'file-mismatch': 'El archivo elegido no es el que se estaba subiendo. No se ha subido nada.',
  },
  errorFallback: ({ code }) => `Se ha producido un error inesperado (${code}).`,
  list: {
    caption: 'Archivos',
    name: 'Nombre',
    size: 'Tamaño',
    created: 'Creado',
    status: 'Estado',
    actions: 'Acciones',
    missing: '—',
    missingText: 'Desconocido',
    download: (name) => `Descargar ${name}`,
    delete: (name) => `Eliminar ${name}`,
    confirmDelete: (name) => `Sí, eliminar ${name}`,
    confirmDeleteText: 'Eliminar',
    keep: (name) => `Conservar ${name}`,
    keepText: 'Conservar',
    deleting: (name) => `Eliminando ${name}…`,
    deleteFailed: (name, reason) => `No se ha podido eliminar ${name}. ${reason}`,
    deleted: (name) => `Se ha eliminado ${name}.`,
    loading: 'Cargando archivos…',
    empty: 'Aún no hay archivos',
    error: (reason) => `No se han podido cargar los archivos. ${reason}`,
    retry: 'Reintentar',
    previous: 'Página anterior',
    next: 'Página siguiente',
    pagination: 'Paginación',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Página ${page}` : `Página ${page} de ${pageCount}`,
  },
} satisfies Locale;
