/**
 * Arabic (العربية), right to left. Modern Standard Arabic as Arabic software writes it: تحميل for
 * upload and تنزيل for download. Counts use all of Arabic's plural forms (one, two, few 3–10, many
 * 11–99, other), digits are the locale's own (١٢٣) through `Intl`, and every file name is wrapped
 * in first-strong isolates (U+2068…U+2069) so a Latin name cannot reorder the sentence around it.
 * @example import { ar } from 'filedock/locales/ar'; <FilesProvider labels={ar}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'ar';
const n = (count: number) => formatCount(locale, count);
/** A name isolated from the text around it (Unicode FSI … PDI). */
const b = (name: string) => `\u2068${name}\u2069`;
const TYPES: Record<string, string> = { 'plain text': 'نص عادي' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => b(TYPES[t] ?? t)),
  );

export const ar = {
  locale,
  timeZone: undefined,
  dir: 'rtl',
  dropzone: {
    label: 'تحميل ملفات',
    input: 'اختيار ملفات لتحميلها',
    idle: 'اسحب الملفات إلى هنا أو انقر للاستعراض',
    accept: 'أفلِت الملفات لتحميلها',
    reject: 'بعض الملفات غير مقبولة هنا',
    disabled: 'التحميل معطَّل',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `أي ملف بحد أقصى ${maxSize}` : `${types(t)} بحد أقصى ${maxSize}`,
  },
  uploader: {
    list: 'التحميلات',
    empty: 'لا توجد تحميلات بعد',
    totalProgress: 'التقدم الإجمالي',
    totalSummary: ({ done, count, percent }) =>
      `اكتمل ${n(done)} من ${plural(locale, count, {
        zero: '# ملفات',
        one: 'ملف واحد',
        two: 'ملفين',
        few: '# ملفات',
        many: '# ملفًا',
        other: '# ملف',
      })} · ${percent}`,
  },
  item: {
    progress: (name) => `تحميل ${b(name)}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} من ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · المتبقي ${eta}` : speed),
    storedAs: (stored) => `محفوظ باسم ${b(stored)}`,
    cancel: (name) => `إلغاء تحميل ${b(name)}`,
    retry: (name) => `إعادة محاولة تحميل ${b(name)}`,
    remove: (name) => `إزالة ${b(name)}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `لم تتم إضافة ${b(name)}: ${reasons}`,
    chooseAgain: (name) => `اختيار ${b(name)} مجددًا`,
    resume: (name) => `استئناف تحميل ${b(name)}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `تم تحديث الصفحة أثناء تحميل ${b(name)}. اختر الملف مجددًا للمتابعة.`,
        permission: `تم تحديث الصفحة أثناء تحميل ${b(name)}. استأنف التحميل للمتابعة.`,
        unreachable: `توقف تحميل ${b(name)} وتعذر الوصول إلى الخادم.`,
        elsewhere: `يجري تحميل ${b(name)} في علامة تبويب أخرى.`,
      })[reason],
  },
  announce: {
    completed: (name) => `تم تحميل ${b(name)}.`,
    failed: (name, reason) => `تعذر تحميل ${b(name)}: ${reason}`,
  },
  phase: {
    queued: 'في الانتظار',
    hashing: 'جارٍ التحقق',
    creating: 'جارٍ البدء',
    uploading: 'جارٍ التحميل',
    completing: 'جارٍ الإنهاء',
    completed: 'تم التحميل',
    failed: 'فشل',
    cancelled: 'أُلغي',
    rejected: 'لم تتم الإضافة',
    interrupted: 'توقف',
  },
  status: {
    PENDING: 'معلّق',
    COMPLETED: 'مكتمل',
    CANCELLED: 'ملغى',
    EXPIRED: 'منتهي الصلاحية',
    FAILED: 'فشل',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'نوع الملف هذا غير مقبول هنا.'
        : `نوع الملف ${b(p.fileName)} غير مقبول هنا. الأنواع المقبولة: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'الملف كبير جدًا.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `حجم ${b(p.fileName)} أكبر من الحد الأقصى البالغ ${limit}.`
        : `حجم ${b(p.fileName)} هو ${size}، والحد الأقصى ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'الملف فارغ أو صغير جدًا.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `الملف ${b(p.fileName)} فارغ.`
          : `الملف ${b(p.fileName)} فارغ، والحد الأدنى للحجم ${limit}.`;
      return size === undefined
        ? `حجم ${b(p.fileName)} أقل من الحد الأدنى البالغ ${limit}.`
        : `حجم ${b(p.fileName)} هو ${size}، والحد الأدنى ${limit}.`;
    },
    // One general text for a reason without its own text and for too-long without its values.
    'filename-invalid': ({ params: p }) =>
      p?.reason === 'too-long' && p.fileName !== undefined && p.maxLength !== undefined
        ? `اسم الملف ${b(clipName(p.fileName))} أطول من ${plural(locale, p.maxLength, { zero: '# حرف', one: 'حرف واحد', two: 'حرفين', few: '# أحرف', many: '# حرفًا', other: '# حرف' })}.`
        : ((
            {
              empty: 'لا يمكن أن يكون اسم الملف فارغًا.',
              'control-characters': 'يحتوي اسم الملف على أحرف تحكم.',
              'path-separator': 'لا يمكن أن يحتوي اسم الملف على / أو \\.',
              reserved: '«.» و«..» ليسا اسمين صالحين للملف.',
            } as Record<string, string | undefined>
          )[p?.reason ?? ''] ?? 'اسم الملف غير صالح.'),
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'عدد الملفات المختارة كبير جدًا.'
        : `يمكن إضافة ${plural(locale, p.maxFiles, { zero: '# ملفات', one: 'ملف واحد', two: 'ملفين', few: '# ملفات', many: '# ملفًا', other: '# ملف' })} كحد أقصى دفعة واحدة، ولم تتم إضافة ${b(p.fileName)}.`,
    network: 'انقطع الاتصال.',
    timeout: 'استغرق الخادم وقتًا طويلًا للرد.',
    'rate-limited': 'عدد التحميلات المتزامنة كبير جدًا. حاول بعد قليل.',
    'storage-rejected': 'رفضت خدمة التخزين التحميل.',
    'upload-expired': 'انتهت صلاحية جلسة التحميل.',
    'checksum-mismatch': 'وصل الملف تالفًا (المجموع الاختباري غير مطابق).',
    'invalid-response': 'تعذرت قراءة رد الخادم.',
    aborted: 'تم إيقاف التحميل.',
    bad_request: 'رفض الخادم الطلب.',
    unauthorized: 'لم تسجّل الدخول.',
    forbidden: 'ليس لديك إذن بالتحميل هنا.',
    not_found: 'الملف لم يعد موجودًا.',
    conflict: 'يوجد ملف بالاسم نفسه.',
    unsupported_media_type: 'لا يدعم الخادم نوع الملف هذا.',
    unprocessable_content: 'تعذر على الخادم معالجة الملف.',
    internal_server_error: 'حدثت مشكلة في الخادم.',
    service_unavailable: 'الخدمة غير متاحة حاليًا.',
    gateway_timeout: 'لم تستجب الخدمة في الوقت المناسب.',
    'file-mismatch': 'الملف المختار ليس الذي كان قيد التحميل. لم يتم تحميل شيء.',
  },
  errorFallback: ({ code }) => `حدث خطأ غير متوقع (${b(code)}).`,
  list: {
    caption: 'الملفات',
    name: 'الاسم',
    size: 'الحجم',
    created: 'تاريخ الإنشاء',
    status: 'الحالة',
    actions: 'الإجراءات',
    missing: '—',
    missingText: 'غير معروف',
    download: (name) => `تنزيل ${b(name)}`,
    delete: (name) => `حذف ${b(name)}`,
    confirmDelete: (name) => `تأكيد حذف ${b(name)}`,
    confirmDeleteText: 'حذف',
    keep: (name) => `إلغاء حذف ${b(name)}`,
    keepText: 'إلغاء',
    deleting: (name) => `جارٍ حذف ${b(name)}…`,
    deleteFailed: (name, reason) => `تعذر حذف ${b(name)}. ${reason}`,
    deleted: (name) => `تم حذف ${b(name)}.`,
    loading: 'جارٍ جلب الملفات…',
    empty: 'لا توجد ملفات بعد',
    error: (reason) => `تعذر جلب الملفات. ${reason}`,
    retry: 'إعادة المحاولة',
    previous: 'الصفحة السابقة',
    next: 'الصفحة التالية',
    pagination: 'الصفحات',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `الصفحة ${page}` : `الصفحة ${page} من ${pageCount}`,
  },
} satisfies Locale;
