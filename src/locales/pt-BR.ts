/**
 * Brazilian Portuguese (português do Brasil). "Enviar" for upload, "Baixar" for download, "você".
 * @example import { ptBR } from 'filedock/locales/pt-BR'; <FilesProvider labels={ptBR}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'pt-BR';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'texto simples' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const ptBR = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Enviar arquivos',
    input: 'Escolher arquivos para enviar',
    idle: 'Arraste arquivos para cá ou clique para procurar',
    accept: 'Solte para enviar',
    reject: 'Alguns destes arquivos não podem ser enviados aqui',
    disabled: 'O envio está desativado',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Qualquer arquivo de até ${maxSize}` : `${types(t)} de até ${maxSize}`,
  },
  uploader: {
    list: 'Envios',
    empty: 'Nenhum envio ainda',
    totalProgress: 'Progresso total',
    totalSummary: ({ done, count, percent }) =>
      `Concluídos: ${n(done)} de ${plural(locale, count, { one: '# arquivo', many: '# de arquivos', other: '# arquivos' })} · ${percent}`,
  },
  item: {
    progress: (name) => `Envio de ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} de ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · faltam ${eta}` : speed),
    storedAs: (stored) => `salvo como ${stored}`,
    cancel: (name) => `Cancelar envio de ${name}`,
    retry: (name) => `Tentar enviar ${name} novamente`,
    remove: (name) => `Remover ${name}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `${name} não foi adicionado: ${reasons}`,
    chooseAgain: (name) => `Escolher ${name} novamente`,
    resume: (name) => `Retomar envio de ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `A página foi recarregada durante o envio de ${name}. Escolha o arquivo novamente para continuar.`,
        permission: `A página foi recarregada durante o envio de ${name}. Retome o envio para continuar.`,
        unreachable: `O envio de ${name} foi interrompido e não foi possível acessar o servidor.`,
        elsewhere: `${name} está sendo enviado em outra aba.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} enviado.`,
    failed: (name, reason) => `Falha ao enviar ${name}: ${reason}`,
  },
  phase: {
    queued: 'Na fila',
    hashing: 'Verificando',
    creating: 'Iniciando',
    uploading: 'Enviando',
    completing: 'Finalizando',
    completed: 'Enviado',
    failed: 'Falhou',
    cancelled: 'Cancelado',
    rejected: 'Não adicionado',
    interrupted: 'Interrompido',
  },
  status: {
    PENDING: 'Pendente',
    COMPLETED: 'Concluído',
    CANCELLED: 'Cancelado',
    EXPIRED: 'Expirado',
    FAILED: 'Falhou',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Este tipo de arquivo não é aceito aqui.'
        : `O tipo de ${p.fileName} não é aceito aqui. Use ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'O arquivo excede o tamanho máximo.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} excede o limite de ${limit}.`
        : `${p.fileName} tem ${size}, acima do limite de ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'O arquivo está vazio ou é pequeno demais.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} está vazio.`
          : `${p.fileName} está vazio, e o mínimo é ${limit}.`;
      return size === undefined
        ? `${p.fileName} não atinge o mínimo de ${limit}.`
        : `${p.fileName} tem ${size}, abaixo do mínimo de ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'O nome do arquivo não é válido.';
      if (p.reason !== 'too-long')
        return {
          empty: 'O nome do arquivo não pode ficar vazio.',
          'control-characters': 'O nome do arquivo contém caracteres de controle.',
          'path-separator': 'O nome do arquivo não pode conter separadores de caminho (/ ou \\).',
          reserved: '“.” e “..” não são nomes de arquivo válidos.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'O nome do arquivo não é válido.'
        : `O nome de ${clipName(p.fileName)} tem mais de ${plural(locale, p.maxLength, { one: '# caractere', many: '# de caracteres', other: '# caracteres' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Muitos arquivos selecionados de uma vez.'
        : `Só é possível adicionar ${plural(locale, p.maxFiles, { one: '# arquivo', many: '# de arquivos', other: '# arquivos' })} por vez; ${p.fileName} não foi adicionado.`,
    network: 'A conexão foi perdida.',
    timeout: 'O servidor demorou demais para responder.',
    'rate-limited': 'Muitos envios ao mesmo tempo. Tente novamente em instantes.',
    'storage-rejected': 'O armazenamento recusou o envio.',
    'upload-expired': 'A sessão de envio expirou.',
    'checksum-mismatch': 'O arquivo chegou corrompido (a soma de verificação não confere).',
    'invalid-response': 'O servidor enviou uma resposta que não pôde ser lida.',
    aborted: 'O envio foi interrompido.',
    bad_request: 'O servidor recusou a solicitação.',
    unauthorized: 'Você não está conectado.',
    forbidden: 'Você não tem permissão para enviar arquivos aqui.',
    not_found: 'O arquivo não existe mais.',
    conflict: 'Já existe um arquivo com este nome.',
    unsupported_media_type: 'O servidor não aceita este tipo de arquivo.',
    unprocessable_content: 'O servidor não conseguiu processar o arquivo.',
    internal_server_error: 'O servidor encontrou um problema.',
    service_unavailable: 'O serviço está indisponível no momento.',
    gateway_timeout: 'O serviço não respondeu a tempo.',
    'file-mismatch': 'O arquivo escolhido não é o que estava sendo enviado. Nada foi enviado.',
  },
  errorFallback: ({ code }) => `Ocorreu um erro inesperado (${code}).`,
  list: {
    caption: 'Arquivos',
    name: 'Nome',
    size: 'Tamanho',
    created: 'Criado em',
    status: 'Status',
    actions: 'Ações',
    missing: '—',
    missingText: 'Desconhecido',
    download: (name) => `Baixar ${name}`,
    delete: (name) => `Excluir ${name}`,
    confirmDelete: (name) => `Sim, excluir ${name}`,
    confirmDeleteText: 'Excluir',
    keep: (name) => `Manter ${name}`,
    keepText: 'Manter',
    deleting: (name) => `Excluindo ${name}…`,
    deleteFailed: (name, reason) => `Não foi possível excluir ${name}. ${reason}`,
    deleted: (name) => `${name} excluído.`,
    loading: 'Carregando arquivos…',
    empty: 'Nenhum arquivo ainda',
    error: (reason) => `Não foi possível carregar os arquivos. ${reason}`,
    retry: 'Tentar novamente',
    previous: 'Página anterior',
    next: 'Próxima página',
    pagination: 'Paginação',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Página ${page}` : `Página ${page} de ${pageCount}`,
  },
} satisfies Locale;
