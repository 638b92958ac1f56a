/**
 * Korean (한국어). Formal polite style (합니다체) for messages, noun phrases for buttons; a delete
 * is confirmed with 삭제 / 취소. Korean has one plural form: a
 * count is the number and the counter 개, no `plural`.
 * @example import { ko } from 'filedock/locales/ko'; <FilesProvider labels={ko}>
 */
import { clipName, formatCount, formatList, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'ko';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': '일반 텍스트' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const ko = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: '파일 업로드',
    input: '업로드할 파일 선택',
    idle: '파일을 여기로 끌어 놓거나 클릭해서 선택하세요',
    accept: '놓으면 업로드됩니다',
    reject: '여기에 업로드할 수 없는 파일이 있습니다',
    disabled: '업로드가 비활성화되어 있습니다',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `모든 파일, 최대 ${maxSize}` : `${types(t)}, 최대 ${maxSize}`,
  },
  uploader: {
    list: '업로드 목록',
    empty: '아직 업로드한 파일이 없습니다',
    totalProgress: '전체 진행률',
    totalSummary: ({ done, count, percent }) =>
      `파일 ${n(count)}개 중 ${n(done)}개 완료 · ${percent}`,
  },
  item: {
    progress: (name) => `${name} 업로드`,
    progressText: ({ percent, loaded, total }) => `${percent} (${total} 중 ${loaded})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · ${eta} 남음` : speed),
    storedAs: (stored) => `저장된 이름: ${stored}`,
    cancel: (name) => `${name} 업로드 취소`,
    retry: (name) => `${name} 업로드 다시 시도`,
    remove: (name) => `목록에서 ${name} 제거`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name)
        ? reasons
        : `${name} 파일을 추가하지 못했습니다: ${reasons}`,
    chooseAgain: (name) => `${name} 다시 선택`,
    resume: (name) => `${name} 업로드 재개`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `${name} 파일을 업로드하는 중에 페이지를 새로고침했습니다. 계속하려면 파일을 다시 선택하세요.`,
        permission: `${name} 파일을 업로드하는 중에 페이지를 새로고침했습니다. 계속하려면 업로드를 재개하세요.`,
        unreachable: `${name} 파일 업로드가 중단되었고 서버에 연결할 수 없습니다.`,
        elsewhere: `${name} 파일은 다른 탭에서 업로드 중입니다.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} 파일을 업로드했습니다.`,
    failed: (name, reason) => `${name} 파일을 업로드하지 못했습니다: ${reason}`,
  },
  phase: {
    queued: '대기 중',
    hashing: '확인 중',
    creating: '시작 중',
    uploading: '업로드 중',
    completing: '마무리 중',
    completed: '업로드됨',
    failed: '실패',
    cancelled: '취소됨',
    rejected: '추가 안 됨',
    interrupted: '중단됨',
  },
  status: {
    PENDING: '대기 중',
    COMPLETED: '완료',
    CANCELLED: '취소됨',
    EXPIRED: '만료됨',
    FAILED: '실패',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? '이 파일 형식은 여기에 업로드할 수 없습니다.'
        : `${p.fileName}의 파일 형식은 여기에 업로드할 수 없습니다. 허용되는 형식: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return '파일이 최대 크기를 초과합니다.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName}의 크기가 최대 크기(${limit})를 초과합니다.`
        : `${p.fileName}의 크기(${size})가 최대 크기(${limit})를 초과합니다.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return '파일이 비어 있거나 너무 작습니다.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} 파일이 비어 있습니다.`
          : `${p.fileName} 파일이 비어 있습니다(최소 ${limit}).`;
      return size === undefined
        ? `${p.fileName}의 크기가 최소 크기(${limit})보다 작습니다.`
        : `${p.fileName}의 크기(${size})가 최소 크기(${limit})보다 작습니다.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return '파일 이름이 올바르지 않습니다.';
      if (p.reason !== 'too-long')
        return {
          empty: '파일 이름은 비워 둘 수 없습니다.',
          'control-characters': '파일 이름에 제어 문자가 포함되어 있습니다.',
          'path-separator': '파일 이름에 경로 구분 기호(/ 또는 \\)를 사용할 수 없습니다.',
          reserved: '사용할 수 없는 파일 이름입니다(‘.’ 또는 ‘..’).',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? '파일 이름이 올바르지 않습니다.'
        : `${clipName(p.fileName)}의 파일 이름이 ${n(p.maxLength)}자를 초과합니다.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? '한 번에 너무 많은 파일을 선택했습니다.'
        : `파일은 한 번에 최대 ${n(p.maxFiles)}개까지 추가할 수 있습니다. ${p.fileName} 파일은 추가되지 않았습니다.`,
    network: '연결이 끊어졌습니다.',
    timeout: '서버 응답 시간이 초과되었습니다.',
    'rate-limited': '동시에 업로드하는 파일이 너무 많습니다. 잠시 후 다시 시도하세요.',
    'storage-rejected': '스토리지에서 업로드를 거부했습니다.',
    'upload-expired': '업로드 세션이 만료되었습니다.',
    'checksum-mismatch': '파일이 손상된 채로 도착했습니다(체크섬 불일치).',
    'invalid-response': '서버에서 읽을 수 없는 응답을 보냈습니다.',
    aborted: '업로드가 중지되었습니다.',
    bad_request: '서버에서 요청을 거부했습니다.',
    unauthorized: '로그인되어 있지 않습니다.',
    forbidden: '여기에 업로드할 권한이 없습니다.',
    not_found: '파일이 더 이상 존재하지 않습니다.',
    conflict: '같은 이름의 파일이 이미 있습니다.',
    unsupported_media_type: '서버에서 이 파일 형식을 지원하지 않습니다.',
    unprocessable_content: '서버에서 파일을 처리하지 못했습니다.',
    internal_server_error: '서버에 문제가 발생했습니다.',
    service_unavailable: '지금은 서비스를 이용할 수 없습니다.',
    gateway_timeout: '서비스가 제시간에 응답하지 않았습니다.',
    'file-mismatch': '선택한 파일이 업로드 중이던 파일과 다릅니다. 아무것도 업로드되지 않았습니다.',
  },
  errorFallback: ({ code }) => `예기치 않은 오류가 발생했습니다(${code}).`,
  list: {
    caption: '파일',
    name: '이름',
    size: '크기',
    created: '생성일',
    status: '상태',
    actions: '작업',
    missing: '—',
    missingText: '알 수 없음',
    download: (name) => `${name} 다운로드`,
    delete: (name) => `${name} 삭제`,
    confirmDelete: (name) => `${name} 삭제 확인`,
    confirmDeleteText: '삭제',
    keep: (name) => `${name} 삭제 취소`,
    keepText: '취소',
    deleting: (name) => `${name} 삭제 중…`,
    deleteFailed: (name, reason) => `${name} 파일을 삭제하지 못했습니다. ${reason}`,
    deleted: (name) => `${name} 파일을 삭제했습니다.`,
    loading: '파일을 불러오는 중…',
    empty: '아직 파일이 없습니다',
    error: (reason) => `파일을 불러오지 못했습니다. ${reason}`,
    retry: '다시 시도',
    previous: '이전 페이지',
    next: '다음 페이지',
    pagination: '페이지 탐색',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `${page}페이지` : `${page} / ${pageCount}페이지`,
  },
} satisfies Locale;
