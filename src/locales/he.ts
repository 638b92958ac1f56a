/**
 * Hebrew (עברית), right to left. Gender-neutral wording in the Israeli UI convention (infinitive
 * and noun forms for buttons: "העלאת קבצים", "ביטול"); counts take `one` (קובץ אחד), `two`
 * (שני קבצים) and `other`; file names are wrapped in first-strong isolates (U+2068…U+2069).
 * @example import { he } from 'filedock/locales/he'; <FilesProvider labels={he}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'he';
const n = (count: number) => formatCount(locale, count);
/** A name isolated from the text around it (Unicode FSI … PDI). */
const b = (name: string) => `\u2068${name}\u2069`;
const TYPES: Record<string, string> = { 'plain text': 'טקסט פשוט' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => b(TYPES[t] ?? t)),
  );

export const he = {
  locale,
  timeZone: undefined,
  dir: 'rtl',
  dropzone: {
    label: 'העלאת קבצים',
    input: 'בחירת קבצים להעלאה',
    idle: 'אפשר לגרור קבצים לכאן או ללחוץ כדי לבחור',
    accept: 'אפשר לשחרר כדי להעלות',
    reject: 'חלק מהקבצים האלה לא ניתנים להעלאה כאן',
    disabled: 'ההעלאה מושבתת',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `כל קובץ עד ${maxSize}` : `${types(t)} עד ${maxSize}`,
  },
  uploader: {
    list: 'העלאות',
    empty: 'אין עדיין העלאות',
    totalProgress: 'התקדמות כוללת',
    totalSummary: ({ done, count, percent }) =>
      `הושלמו ${n(done)} מתוך ${plural(locale, count, { one: 'קובץ אחד', two: 'שני קבצים', other: '# קבצים' })} · ${percent}`,
  },
  item: {
    progress: (name) => `העלאה של ${b(name)}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} מתוך ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · נותרו ${eta}` : speed),
    storedAs: (stored) => `נשמר בשם ${b(stored)}`,
    cancel: (name) => `ביטול ההעלאה של ${b(name)}`,
    retry: (name) => `ניסיון חוזר להעלאה של ${b(name)}`,
    remove: (name) => `הסרת ${b(name)}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name) ? reasons : `${b(name)} לא נוסף: ${reasons}`,
    chooseAgain: (name) => `בחירה מחדש של ${b(name)}`,
    resume: (name) => `המשך ההעלאה של ${b(name)}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `הדף נטען מחדש במהלך ההעלאה של ${b(name)}. כדי להמשיך, יש לבחור את הקובץ שוב.`,
        permission: `הדף נטען מחדש במהלך ההעלאה של ${b(name)}. כדי להמשיך, יש לחדש את ההעלאה.`,
        unreachable: `ההעלאה של ${b(name)} הופסקה ואין חיבור לשרת.`,
        elsewhere: `${b(name)} מועלה בכרטיסייה אחרת.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${b(name)} הועלה.`,
    failed: (name, reason) => `ההעלאה של ${b(name)} נכשלה: ${reason}`,
  },
  phase: {
    queued: 'בתור',
    hashing: 'בבדיקה',
    creating: 'בהכנה',
    uploading: 'בהעלאה',
    completing: 'בסיום',
    completed: 'הועלה',
    failed: 'נכשל',
    cancelled: 'בוטל',
    rejected: 'לא נוסף',
    interrupted: 'הופסק',
  },
  status: {
    PENDING: 'בהמתנה',
    COMPLETED: 'הושלם',
    CANCELLED: 'בוטל',
    EXPIRED: 'פג תוקף',
    FAILED: 'נכשל',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'סוג הקובץ הזה לא מתקבל כאן.'
        : `סוג הקובץ ${b(p.fileName)} לא מתקבל כאן. סוגים מותרים: ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'הקובץ חורג מהגודל המרבי.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `הקובץ ${b(p.fileName)} חורג מהמגבלה של ${limit}.`
        : `הקובץ ${b(p.fileName)} בגודל ${size}, מעבר למגבלה של ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'הקובץ ריק או קטן מדי.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `הקובץ ${b(p.fileName)} ריק.`
          : `הקובץ ${b(p.fileName)} ריק, והגודל המינימלי הוא ${limit}.`;
      return size === undefined
        ? `הקובץ ${b(p.fileName)} קטן מהמינימום של ${limit}.`
        : `הקובץ ${b(p.fileName)} בגודל ${size}, פחות מהמינימום של ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'שם הקובץ לא תקין.';
      if (p.reason !== 'too-long')
        return {
          empty: 'שם הקובץ לא יכול להיות ריק.',
          'control-characters': 'שם הקובץ מכיל תווי בקרה.',
          'path-separator': 'שם הקובץ לא יכול להכיל מפריד נתיב (/ או \\).',
          reserved: 'השמות "." ו־".." אינם שמות קבצים תקינים.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'שם הקובץ לא תקין.'
        : `שם הקובץ ${b(clipName(p.fileName))} ארוך מ־${plural(locale, p.maxLength, { one: 'תו אחד', other: '# תווים' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'נבחרו יותר מדי קבצים בבת אחת.'
        : `אפשר להוסיף עד ${plural(locale, p.maxFiles, { one: 'קובץ אחד', two: 'שני קבצים', other: '# קבצים' })} בכל פעם. ${b(p.fileName)} לא נוסף.`,
    network: 'החיבור נותק.',
    timeout: 'השרת לא הגיב בזמן.',
    'rate-limited': 'יותר מדי העלאות בו-זמנית. כדאי לנסות שוב בעוד רגע.',
    'storage-rejected': 'שירות האחסון דחה את ההעלאה.',
    'upload-expired': 'תוקף סשן ההעלאה פג.',
    'checksum-mismatch': 'הקובץ הגיע פגום (סכום הביקורת לא תואם).',
    'invalid-response': 'השרת שלח תשובה שלא ניתן לקרוא.',
    aborted: 'ההעלאה הופסקה.',
    bad_request: 'השרת דחה את הבקשה.',
    unauthorized: 'לא התחברת לחשבון.',
    forbidden: 'אין לך הרשאה להעלות לכאן.',
    not_found: 'הקובץ כבר לא קיים.',
    conflict: 'כבר קיים קובץ בשם הזה.',
    unsupported_media_type: 'השרת לא תומך בסוג הקובץ הזה.',
    unprocessable_content: 'השרת לא הצליח לעבד את הקובץ.',
    internal_server_error: 'אירעה בעיה בשרת.',
    service_unavailable: 'השירות לא זמין כרגע.',
    gateway_timeout: 'השירות לא הגיב בזמן.',
    'file-mismatch': 'הקובץ שנבחר אינו הקובץ שהועלה. שום דבר לא הועלה.',
  },
  errorFallback: ({ code }) => `אירעה שגיאה לא צפויה (${b(code)}).`,
  list: {
    caption: 'קבצים',
    name: 'שם',
    size: 'גודל',
    created: 'תאריך יצירה',
    status: 'סטטוס',
    actions: 'פעולות',
    missing: '—',
    missingText: 'לא ידוע',
    download: (name) => `הורדת ${b(name)}`,
    delete: (name) => `מחיקת ${b(name)}`,
    confirmDelete: (name) => `אישור מחיקה של ${b(name)}`,
    confirmDeleteText: 'מחיקה',
    keep: (name) => `ביטול המחיקה של ${b(name)}`,
    keepText: 'ביטול',
    deleting: (name) => `המחיקה של ${b(name)} מתבצעת…`,
    deleteFailed: (name, reason) => `לא ניתן היה למחוק את ${b(name)}. ${reason}`,
    deleted: (name) => `${b(name)} נמחק.`,
    loading: 'הקבצים נטענים…',
    empty: 'אין עדיין קבצים',
    error: (reason) => `לא ניתן היה לטעון את הקבצים. ${reason}`,
    retry: 'ניסיון חוזר',
    previous: 'הדף הקודם',
    next: 'הדף הבא',
    pagination: 'ניווט בין דפים',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `דף ${page}` : `דף ${page} מתוך ${pageCount}`,
  },
} satisfies Locale;
