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
export { useDeleteFile, type UseDeleteFileOptions } from './use-delete-file.js';
export {
  filesQueryKeys,
  useFilesQueryKeys,
  type FilesListKeyParams,
  type ScopedFilesQueryKeys,
} from './keys.js';
export {
  DEFAULT_LIST_LIMIT,
  filesListQueryOptions,
  fileQueryOptions,
  fileUrlQueryOptions,
  fileContentQueryOptions,
  type FiledockQueryOptions,
  type FilesListQueryParams,
  type FileUrl,
} from './query-options.js';
export { isUploadMutationMeta, type UploadMutationMeta } from './upload-meta.js';
