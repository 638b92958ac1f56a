/**
 * Simplified Chinese (简体中文). Full-width punctuation; a delete is confirmed with 删除 / 取消, as
 * Chinese dialogs do. Chinese has one plural form: a count is
 * the number and the measure word 个, no `plural`.
 * @example import { zhCN } from 'filedock/locales/zh-CN'; <FilesProvider labels={zhCN}>
 */
import { clipName, formatCount, formatList, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'zh-CN';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': '纯文本' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const zhCN = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: '上传文件',
    input: '选择要上传的文件',
    idle: '将文件拖到此处，或点击选择',
    accept: '松开即可上传',
    reject: '部分文件无法上传到此处',
    disabled: '上传已停用',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `任意文件，最大 ${maxSize}` : `${types(t)}，最大 ${maxSize}`,
  },
  uploader: {
    list: '上传列表',
    empty: '暂无上传',
    totalProgress: '总进度',
    totalSummary: ({ done, count, percent }) =>
      `${n(count)} 个文件，已完成 ${n(done)} 个 · ${percent}`,
  },
  item: {
    progress: (name) => `${name} 的上传进度`,
    progressText: ({ percent, loaded, total }) => `${percent}（${loaded}/${total}）`,
    speed: ({ speed, eta }) => (eta ? `${speed} · 剩余 ${eta}` : speed),
    storedAs: (stored) => `已保存为 ${stored}`,
    cancel: (name) => `取消上传 ${name}`,
    retry: (name) => `重新上传 ${name}`,
    remove: (name) => `移除 ${name}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `未添加 ${name}：${reasons}`,
    chooseAgain: (name) => `重新选择 ${name}`,
    resume: (name) => `继续上传 ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `上传 ${name} 时页面已重新加载。请重新选择该文件以继续。`,
        permission: `上传 ${name} 时页面已重新加载。请继续上传。`,
        unreachable: `${name} 的上传已中断，且无法连接到服务器。`,
        elsewhere: `${name} 正在另一个标签页中上传。`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} 已上传。`,
    failed: (name, reason) => `${name} 上传失败：${reason}`,
  },
  phase: {
    queued: '排队中',
    hashing: '校验中',
    creating: '准备中',
    uploading: '上传中',
    completing: '即将完成',
    completed: '已上传',
    failed: '失败',
    cancelled: '已取消',
    rejected: '未添加',
    interrupted: '已中断',
  },
  status: {
    PENDING: '待处理',
    COMPLETED: '已完成',
    CANCELLED: '已取消',
    EXPIRED: '已过期',
    FAILED: '失败',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? '此处不接受该文件类型。'
        : `此处不接受 ${p.fileName} 的文件类型。支持的类型：${types(p.types)}。`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return '文件超出大小上限。';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} 超过了大小上限 ${limit}。`
        : `${p.fileName} 的大小为 ${size}，超过了上限 ${limit}。`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return '文件为空或过小。';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1 ? `${p.fileName} 为空。` : `${p.fileName} 为空（最小 ${limit}）。`;
      return size === undefined
        ? `${p.fileName} 小于最小值 ${limit}。`
        : `${p.fileName} 的大小为 ${size}，小于最小值 ${limit}。`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return '文件名无效。';
      if (p.reason !== 'too-long')
        return {
          empty: '文件名不能为空。',
          'control-characters': '文件名包含控制字符。',
          'path-separator': '文件名不能包含路径分隔符（/ 或 \\）。',
          reserved: '“.”和“..”不是有效的文件名。',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? '文件名无效。'
        : `${clipName(p.fileName)} 的文件名超过 ${n(p.maxLength)} 个字符。`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? '一次选择的文件过多。'
        : `一次最多只能添加 ${n(p.maxFiles)} 个文件，${p.fileName} 未添加。`,
    network: '网络连接已断开。',
    timeout: '服务器响应超时。',
    'rate-limited': '同时上传的文件过多，请稍后重试。',
    'storage-rejected': '存储服务拒绝了此次上传。',
    'upload-expired': '上传会话已过期。',
    'checksum-mismatch': '文件传输后已损坏（校验和不匹配）。',
    'invalid-response': '服务器返回了无法识别的响应。',
    aborted: '上传已停止。',
    bad_request: '服务器拒绝了该请求。',
    unauthorized: '你尚未登录。',
    forbidden: '你没有在此处上传的权限。',
    not_found: '该文件已不存在。',
    conflict: '已存在同名文件。',
    unsupported_media_type: '服务器不支持该文件类型。',
    unprocessable_content: '服务器无法处理该文件。',
    internal_server_error: '服务器出现问题。',
    service_unavailable: '服务暂时不可用。',
    gateway_timeout: '服务未能及时响应。',
    'file-mismatch': '所选文件不是之前正在上传的文件，未上传任何内容。',
  },
  errorFallback: ({ code }) => `发生意外错误（${code}）。`,
  list: {
    caption: '文件',
    name: '名称',
    size: '大小',
    created: '创建时间',
    status: '状态',
    actions: '操作',
    missing: '—',
    missingText: '未知',
    download: (name) => `下载 ${name}`,
    delete: (name) => `删除 ${name}`,
    confirmDelete: (name) => `确认删除 ${name}`,
    confirmDeleteText: '删除',
    keep: (name) => `取消删除 ${name}`,
    keepText: '取消',
    deleting: (name) => `正在删除 ${name}…`,
    deleteFailed: (name, reason) => `无法删除 ${name}。${reason}`,
    deleted: (name) => `已删除 ${name}。`,
    loading: '正在加载文件…',
    empty: '暂无文件',
    error: (reason) => `无法加载文件。${reason}`,
    retry: '重试',
    previous: '上一页',
    next: '下一页',
    pagination: '分页',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `第 ${page} 页` : `第 ${page} 页，共 ${pageCount} 页`,
  },
} satisfies Locale;
