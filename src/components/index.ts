/**
 * filedock's components: thin shells over the hooks, styled by `filedock/styles.css` (optional).
 */
export { FileUploader, type FileUploaderProps } from './FileUploader.js';
export { FileList, type FileListProps } from './FileList.js';
export { Dropzone, type DropzoneProps } from './Dropzone.js';
export {
  useFileDropzone,
  type FileDropzonePassThrough,
  type FileDropzoneUploader,
  type UseFileDropzoneOptions,
  type UseFileDropzoneResult,
} from './use-file-dropzone.js';
export { UploadItem, type UploadItemActions, type UploadItemProps } from './UploadItem.js';
export { StatusBadge, type StatusBadgeProps } from './StatusBadge.js';
export { ProgressBar, type ProgressBarProps } from './ProgressBar.js';
export {
  defaultLabels,
  mergeLabels,
  errorText,
  localeAttributes,
  type ErrorLabel,
  type ErrorLabels,
  type FiledockLabels,
  type FiledockLabelsInput,
  type LabelledError,
  type Locale,
  type TranslatedErrorCode,
} from './labels.js';
export {
  clipName,
  formattersFor,
  formatCount,
  formatList,
  formatSize,
  plural,
  sizeAndLimit,
  type Formatters,
  type PluralForms,
} from './format.js';
export { useErrorText } from './use-error-text.js';
