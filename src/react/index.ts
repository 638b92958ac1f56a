export { FilesProvider, type FilesProviderProps } from './provider.js';
export { useFilesContext, type FilesClientLike, type FilesContextValue } from './context.js';
export {
  useFileUpload,
  type UseFileUploadOptions,
  type UseFileUploadResult,
} from './use-file-upload.js';
export { useFiles, type UseFilesOptions, type UseFilesResult } from './use-files.js';
export { useFile } from './use-file.js';
export { useFileUrl } from './use-file-url.js';
export { filesQueryKeys, type FilesListKeyParams } from './keys.js';
export {
  filesListQueryOptions,
  fileQueryOptions,
  fileUrlQueryOptions,
  type FiledockQueryOptions,
  type FilesListQueryParams,
} from './query-options.js';
export { isUploadMutationMeta, type UploadMutationMeta } from './upload-mutations.js';
