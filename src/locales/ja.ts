/**
 * Japanese (日本語). Polite です/ます; a delete is confirmed with 削除 / キャンセル, as Japanese
 * dialogs do. Japanese has one plural form: a count is the number and the counter 件, no `plural`.
 * @example import { ja } from 'filedock/locales/ja'; <FilesProvider labels={ja}>
 */
import { clipName, formatCount, formatList, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'ja';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'プレーンテキスト' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const ja = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'ファイルをアップロード',
    input: 'アップロードするファイルを選択',
    idle: 'ここにファイルをドラッグするか、クリックして選択',
    accept: 'ドロップしてアップロード',
    reject: 'ここにアップロードできないファイルが含まれています',
    disabled: 'アップロードは無効になっています',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `すべてのファイル（最大 ${maxSize}）` : `${types(t)}（最大 ${maxSize}）`,
  },
  uploader: {
    list: 'アップロード一覧',
    empty: 'アップロードはまだありません',
    totalProgress: '全体の進行状況',
    totalSummary: ({ done, count, percent }) => `${n(count)}件中 ${n(done)}件完了 · ${percent}`,
  },
  item: {
    progress: (name) => `${name} のアップロード`,
    progressText: ({ percent, loaded, total }) => `${percent}（${total} 中 ${loaded}）`,
    speed: ({ speed, eta }) => (eta ? `${speed} · 残り ${eta}` : speed),
    storedAs: (stored) => `${stored} として保存`,
    cancel: (name) => `${name} のアップロードをキャンセル`,
    retry: (name) => `${name} のアップロードを再試行`,
    remove: (name) => `${name} を一覧から削除`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name)
        ? reasons
        : `${name} は追加されませんでした：${reasons}`,
    chooseAgain: (name) => `${name} をもう一度選択`,
    resume: (name) => `${name} のアップロードを再開`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `${name} のアップロード中にページが再読み込みされました。続行するには、ファイルをもう一度選択してください。`,
        permission: `${name} のアップロード中にページが再読み込みされました。続行するには、アップロードを再開してください。`,
        unreachable: `${name} のアップロードが中断され、サーバーに接続できません。`,
        elsewhere: `${name} は別のタブでアップロード中です。`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} をアップロードしました。`,
    failed: (name, reason) => `${name} をアップロードできませんでした：${reason}`,
  },
  phase: {
    queued: '待機中',
    hashing: '確認中',
    creating: '開始中',
    uploading: 'アップロード中',
    completing: '完了処理中',
    completed: 'アップロード済み',
    failed: '失敗',
    cancelled: 'キャンセル済み',
    rejected: '追加不可',
    interrupted: '中断',
  },
  status: {
    PENDING: '保留中',
    COMPLETED: '完了',
    CANCELLED: 'キャンセル済み',
    EXPIRED: '期限切れ',
    FAILED: '失敗',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'このファイル形式はここではアップロードできません。'
        : `${p.fileName} の形式はここではアップロードできません。${types(p.types)}のファイルを選択してください。`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'ファイルサイズが上限を超えています。';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} のサイズが上限の ${limit}を超えています。`
        : `${p.fileName} のサイズは ${size}で、上限の ${limit}を超えています。`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'ファイルが空か、小さすぎます。';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} は空です。`
          : `${p.fileName} は空です（最小 ${limit}）。`;
      return size === undefined
        ? `${p.fileName} のサイズが最小の ${limit}に達していません。`
        : `${p.fileName} のサイズは ${size}で、最小の ${limit}に達していません。`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'ファイル名が無効です。';
      if (p.reason !== 'too-long')
        return {
          empty: 'ファイル名を空にすることはできません。',
          'control-characters': 'ファイル名に制御文字が含まれています。',
          'path-separator': 'ファイル名にパス区切り文字（/ または \\）は使用できません。',
          reserved: '「.」と「..」はファイル名として使用できません。',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'ファイル名が無効です。'
        : `${clipName(p.fileName)} のファイル名が ${n(p.maxLength)}文字を超えています。`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? '一度に選択できるファイル数を超えています。'
        : `一度に追加できるファイルは ${n(p.maxFiles)}件までです。${p.fileName} は追加されませんでした。`,
    network: '接続が切断されました。',
    timeout: 'サーバーの応答がタイムアウトしました。',
    'rate-limited': '同時アップロードが多すぎます。しばらくしてからもう一度お試しください。',
    'storage-rejected': 'ストレージがアップロードを拒否しました。',
    'upload-expired': 'アップロードセッションの有効期限が切れました。',
    'checksum-mismatch': 'ファイルが破損して届きました（チェックサムが一致しません）。',
    'invalid-response': 'サーバーから読み取れない応答が返されました。',
    aborted: 'アップロードが停止されました。',
    bad_request: 'サーバーがリクエストを拒否しました。',
    unauthorized: 'ログインしていません。',
    forbidden: 'ここにアップロードする権限がありません。',
    not_found: 'ファイルはすでに存在しません。',
    conflict: '同じ名前のファイルがすでに存在します。',
    unsupported_media_type: 'サーバーはこのファイル形式に対応していません。',
    unprocessable_content: 'サーバーでファイルを処理できませんでした。',
    internal_server_error: 'サーバーで問題が発生しました。',
    service_unavailable: '現在サービスを利用できません。',
    gateway_timeout: 'サービスが時間内に応答しませんでした。',
    'file-mismatch':
      '選択したファイルは、アップロード中だったファイルと異なります。何もアップロードされていません。',
  },
  errorFallback: ({ code }) => `予期しないエラーが発生しました（${code}）。`,
  list: {
    caption: 'ファイル',
    name: '名前',
    size: 'サイズ',
    created: '作成日時',
    status: 'ステータス',
    actions: '操作',
    missing: '—',
    missingText: '不明',
    download: (name) => `${name} をダウンロード`,
    delete: (name) => `${name} を削除`,
    confirmDelete: (name) => `${name} の削除を確定`,
    confirmDeleteText: '削除',
    keep: (name) => `${name} の削除をキャンセル`,
    keepText: 'キャンセル',
    deleting: (name) => `${name} を削除しています…`,
    deleteFailed: (name, reason) => `${name} を削除できませんでした。${reason}`,
    deleted: (name) => `${name} を削除しました。`,
    loading: 'ファイルを読み込んでいます…',
    empty: 'ファイルはまだありません',
    error: (reason) => `ファイルを読み込めませんでした。${reason}`,
    retry: '再試行',
    previous: '前のページ',
    next: '次のページ',
    pagination: 'ページ移動',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `${page} ページ` : `${page} / ${pageCount} ページ`,
  },
} satisfies Locale;
