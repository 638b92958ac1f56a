/**
 * filedock's own MIME table: type → extensions, the first one the main extension.
 *
 * Why a hand-written table instead of the `mime` package: filedock only needs the types its
 * purpose rules name plus the common ones people try to upload (so a rejection can name the
 * type). `mime/lite` with its standard table cost ~4 kB gzip of a 22 kB widget budget; this
 * table is a fraction of that. The answers match `mime`'s for every extension listed here,
 * except that `.exe`/`.dll` name the Windows executable type instead of octet-stream (which
 * says nothing) and `.tgz` is gzip.
 *
 * Why one string: measured with esbuild --minify + gzip -9, this module is 830 bytes as a string
 * parsed once and 871 bytes as an object literal of arrays (abbreviating `application/` saved 2
 * more bytes: not worth it). Format: `type:ext,ext|type:ext`, all lower-case, each extension once.
 */
const TABLE =
  'application/pdf:pdf' +
  '|text/plain:txt,text,conf,def,list,log,in,ini' +
  '|text/markdown:md,markdown' +
  '|text/csv:csv' +
  '|text/tab-separated-values:tsv' +
  '|text/html:html,htm,shtml' +
  '|text/vtt:vtt' +
  '|application/x-subrip:srt' +
  '|application/json:json,map' +
  '|application/xml:xml' +
  '|text/yaml:yaml,yml' +
  '|text/calendar:ics' +
  '|message/rfc822:eml' +
  '|application/vnd.ms-outlook:msg' +
  '|application/rtf:rtf' +
  '|application/epub+zip:epub' +
  '|application/msword:doc,dot' +
  '|application/vnd.ms-excel:xls' +
  '|application/vnd.ms-powerpoint:ppt' +
  '|application/vnd.openxmlformats-officedocument.wordprocessingml.document:docx' +
  '|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:xlsx' +
  '|application/vnd.openxmlformats-officedocument.presentationml.presentation:pptx' +
  '|application/vnd.oasis.opendocument.text:odt' +
  '|application/vnd.oasis.opendocument.spreadsheet:ods' +
  '|application/vnd.oasis.opendocument.presentation:odp' +
  '|image/png:png' +
  '|image/jpeg:jpg,jpeg' +
  '|image/gif:gif' +
  '|image/webp:webp' +
  '|image/svg+xml:svg' +
  '|image/avif:avif' +
  '|image/heic:heic' +
  '|image/heif:heif' +
  '|image/bmp:bmp' +
  '|image/tiff:tif,tiff' +
  '|image/vnd.microsoft.icon:ico' +
  '|audio/mpeg:mp3' +
  '|audio/wav:wav' +
  '|audio/mp4:m4a' +
  '|audio/ogg:ogg,oga,opus' +
  '|audio/x-flac:flac' +
  '|audio/aac:aac' +
  '|audio/webm:weba' +
  '|video/mp4:mp4' +
  '|video/x-m4v:m4v' +
  '|video/quicktime:mov' +
  '|video/webm:webm' +
  '|video/x-msvideo:avi' +
  '|video/x-matroska:mkv' +
  '|video/mpeg:mpeg,mpg' +
  '|video/ogg:ogv' +
  '|video/3gpp:3gp' +
  '|application/zip:zip' +
  '|application/gzip:gz,tgz' +
  '|application/x-tar:tar' +
  '|application/x-7z-compressed:7z' +
  '|application/vnd.rar:rar' +
  '|application/x-bzip2:bz2' +
  '|application/x-xz:xz' +
  '|text/javascript:js,mjs' +
  '|text/css:css' +
  '|application/wasm:wasm' +
  '|application/vnd.microsoft.portable-executable:exe,dll' +
  '|application/vnd.android.package-archive:apk' +
  // Generic on purpose: these name no content type, so lookups by name treat them as unknown.
  '|application/octet-stream:bin,msi,dmg,iso';

/** Type → its extensions, main first. */
export const EXTENSIONS_BY_TYPE: ReadonlyMap<string, readonly string[]> = new Map();
/** Extension → type. */
export const TYPE_BY_EXTENSION: ReadonlyMap<string, string> = new Map();

for (const entry of TABLE.split('|')) {
  const [type, list] = entry.split(':') as [string, string];
  const extensions = list.split(',');
  (EXTENSIONS_BY_TYPE as Map<string, readonly string[]>).set(type, extensions);
  for (const ext of extensions) (TYPE_BY_EXTENSION as Map<string, string>).set(ext, type);
}
