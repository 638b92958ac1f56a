import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  FilesProvider,
  fileQueryOptions,
  filesListQueryOptions,
  filesQueryKeys,
  fileUrlQueryOptions,
  useDeleteFile,
  useFile,
  useFiles,
  useFileUpload,
  useFileUrl,
  type ErrorInfo,
  type FilePage,
  type FilesBackend,
  type FilesClientLike,
  type FileUrl,
  type RemoteFile,
  type Upload,
  type UploadProgress,
  type UseFileUploadOptions,
  type UseFilesOptions,
} from '../../src/index.js';

declare const backend: FilesBackend;
declare const queryClient: QueryClient;

describe('useFileUpload', () => {
  it('takes only known options: the service’s purpose name and typed callbacks', () => {
    expectTypeOf(useFileUpload).parameter(0).toEqualTypeOf<UseFileUploadOptions | undefined>();
    // Each service names its own purposes (Lightfield, LlamaCloud); the client's rules judge them.
    expectTypeOf<UseFileUploadOptions['purpose']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<UseFileUploadOptions['onUploaded']>>().parameters.toEqualTypeOf<
      [RemoteFile, Upload]
    >();
    expectTypeOf<NonNullable<UseFileUploadOptions['onError']>>().parameters.toEqualTypeOf<
      [ErrorInfo, Upload]
    >();
    // @ts-expect-error: a purpose is a name
    useFileUpload({ purpose: 1 });
    // @ts-expect-error: concurrency is a number
    useFileUpload({ concurrency: '4' });
  });

  it('returns uploads, the actions and totals', () => {
    const result = useFileUpload();
    expectTypeOf(result.uploads).toEqualTypeOf<readonly Upload[]>();
    expectTypeOf(result.add).parameter(0).toEqualTypeOf<readonly File[] | FileList>();
    expectTypeOf(result.add).returns.toEqualTypeOf<string[]>();
    expectTypeOf(result.cancel).toEqualTypeOf<(localId: string) => void>();
    expectTypeOf(result.retry).toEqualTypeOf<(localId: string) => void>();
    expectTypeOf(result.remove).toEqualTypeOf<(localId: string) => void>();
    expectTypeOf(result.clear).toEqualTypeOf<() => void>();
    expectTypeOf(result.isUploading).toEqualTypeOf<boolean>();
    expectTypeOf(result.progress).toEqualTypeOf<UploadProgress>();
    expectTypeOf(result.uploads[0]!.phase).toEqualTypeOf<
      | 'queued'
      | 'hashing'
      | 'creating'
      | 'uploading'
      | 'completing'
      | 'completed'
      | 'failed'
      | 'cancelled'
      | 'rejected'
      | 'interrupted'
    >();
  });
});

describe('useFiles', () => {
  it('is a query over one page plus the pager', () => {
    expectTypeOf(useFiles).parameter(0).toEqualTypeOf<UseFilesOptions | undefined>();
    const result = useFiles({
      limit: 10,
      page: 2,
      onPageChange: (page) => expectTypeOf(page).toBeNumber(),
    });
    expectTypeOf(result).toExtend<UseQueryResult<FilePage, Error>>();
    expectTypeOf(result.data).toEqualTypeOf<FilePage | undefined>();
    expectTypeOf(result.page).toBeNumber();
    expectTypeOf(result.pageCount).toEqualTypeOf<number | undefined>();
    expectTypeOf(result.totalCount).toEqualTypeOf<number | undefined>();
    expectTypeOf(result.hasNextPage).toBeBoolean();
    expectTypeOf(result.hasPreviousPage).toBeBoolean();
    result.setPage(3);
    result.setPage((page) => page + 1);
    // @ts-expect-error: pages are numbers
    result.setPage('3');
  });
});

describe('useFile and useFileUrl', () => {
  it('return typed queries and accept a missing id', () => {
    expectTypeOf(useFile('file_1')).toEqualTypeOf<UseQueryResult<RemoteFile, Error>>();
    expectTypeOf(useFileUrl(undefined)).toEqualTypeOf<UseQueryResult<FileUrl, Error>>();
    expectTypeOf(useFileUrl('file_1').data).toEqualTypeOf<FileUrl | undefined>();
    expectTypeOf<FileUrl['expiresAt']>().toEqualTypeOf<string | undefined>();
  });
});

describe('useDeleteFile', () => {
  it('is a mutation over a file id', () => {
    const remove = useDeleteFile({ onSuccess: (_, id) => expectTypeOf(id).toBeString() });
    remove.mutate('file_1');
    expectTypeOf(remove.mutateAsync).returns.toEqualTypeOf<Promise<void>>();
    // @ts-expect-error: an id, not a file
    remove.mutate({ id: 'file_1' });
  });
});

describe('query keys and options', () => {
  it('type the cache entries they name', () => {
    expectTypeOf(queryClient.getQueryData(filesListQueryOptions(backend).queryKey)).toEqualTypeOf<
      FilePage | undefined
    >();
    expectTypeOf(queryClient.getQueryData(fileQueryOptions(backend, 'f').queryKey)).toEqualTypeOf<
      RemoteFile | undefined
    >();
    expectTypeOf(
      queryClient.getQueryData(fileUrlQueryOptions(backend, 'f').queryKey),
    ).toEqualTypeOf<FileUrl | undefined>();
  });

  it('are scoped per client', () => {
    const keys = filesQueryKeys.scoped(backend.scope);
    expectTypeOf(keys.upload('user_data')).toEqualTypeOf<
      readonly ['filedock', string, 'upload', string]
    >();
    expectTypeOf(keys.lists()).toEqualTypeOf<readonly ['filedock', string, 'list']>();
    // @ts-expect-error: unscoped keys are gone; take them from `scoped(backend.scope)`
    filesQueryKeys.lists();
  });
});

describe('FilesProvider', () => {
  it('takes any object with a backend, and optional rules and QueryClient', () => {
    expectTypeOf(FilesProvider)
      .parameter(0)
      .toHaveProperty('client')
      .toEqualTypeOf<FilesClientLike>();
    <FilesProvider client={{ backend }} />;
    // @ts-expect-error: a client needs a backend
    <FilesProvider client={{}} />;
  });
});
