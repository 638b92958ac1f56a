import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  FilesProvider,
  fileQueryOptions,
  filesListQueryOptions,
  filesQueryKeys,
  fileUrlQueryOptions,
  useFile,
  useFiles,
  useFileUpload,
  useFileUrl,
  type ErrorInfo,
  type FileObject,
  type FilePage,
  type FilesBackend,
  type FileUrlResponse,
  type Upload,
  type UploadProgress,
  type UseFileUploadOptions,
  type UseFilesOptions,
} from '../../src/index.js';

declare const backend: FilesBackend;
declare const queryClient: QueryClient;

describe('useFileUpload', () => {
  it('takes only known options, with a typed purpose and callbacks', () => {
    expectTypeOf(useFileUpload).parameter(0).toEqualTypeOf<UseFileUploadOptions | undefined>();
    expectTypeOf<UseFileUploadOptions['purpose']>().toEqualTypeOf<
      | 'meeting_transcript'
      | 'knowledge_user'
      | 'knowledge_workspace'
      | 'email_attachment'
      | undefined
    >();
    expectTypeOf<NonNullable<UseFileUploadOptions['onUploaded']>>().parameters.toEqualTypeOf<
      [FileObject, Upload]
    >();
    expectTypeOf<NonNullable<UseFileUploadOptions['onError']>>().parameters.toEqualTypeOf<
      [ErrorInfo, Upload]
    >();
    // @ts-expect-error: not a purpose
    useFileUpload({ purpose: 'avatar' });
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
    expectTypeOf(useFile('file_1')).toEqualTypeOf<UseQueryResult<FileObject, Error>>();
    expectTypeOf(useFileUrl(undefined)).toEqualTypeOf<UseQueryResult<FileUrlResponse, Error>>();
    expectTypeOf(useFileUrl('file_1').data).toEqualTypeOf<FileUrlResponse | undefined>();
  });
});

describe('query keys and options', () => {
  it('type the cache entries they name', () => {
    expectTypeOf(queryClient.getQueryData(filesListQueryOptions(backend).queryKey)).toEqualTypeOf<
      FilePage | undefined
    >();
    expectTypeOf(queryClient.getQueryData(fileQueryOptions(backend, 'f').queryKey)).toEqualTypeOf<
      FileObject | undefined
    >();
    expectTypeOf(
      queryClient.getQueryData(fileUrlQueryOptions(backend, 'f').queryKey),
    ).toEqualTypeOf<FileUrlResponse | undefined>();
    expectTypeOf(filesQueryKeys.upload('knowledge_user')).toEqualTypeOf<
      readonly [
        'filedock',
        'upload',
        (
          | 'knowledge_user'
          | 'meeting_transcript'
          | 'knowledge_workspace'
          | 'email_attachment'
          | 'none'
        ),
      ]
    >();
  });
});

describe('FilesProvider', () => {
  it('takes any object with a backend, and optional rules and QueryClient', () => {
    expectTypeOf(FilesProvider)
      .parameter(0)
      .toHaveProperty('client')
      .toEqualTypeOf<{ readonly backend: FilesBackend }>();
    <FilesProvider client={{ backend }} />;
    // @ts-expect-error: a client needs a backend
    <FilesProvider client={{}} />;
  });
});
