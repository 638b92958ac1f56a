/**
 * Validation errors carry `params` beside `{code, message}`; error labels receive them. Additive:
 * an `ErrorInfo` is still a `FileError`'s base, and a label written for `ErrorInfo` still fits.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ErrorInfo,
  FileError,
  FileErrorParams,
  FilenameProblem,
} from '../../src/core/errors.js';
import type { ErrorMessageContext } from '../../src/core/upload/types.js';
import type {
  ErrorLabel,
  ErrorLabels,
  LabelledError,
  Locale,
} from '../../src/components/labels.js';
import { errorText, mergeLabels } from '../../src/components/labels.js';
import { de } from '../../src/locales/de.js';

describe('error params', () => {
  it('FileError is an ErrorInfo with optional params', () => {
    expectTypeOf<FileError>().toExtend<ErrorInfo>();
    expectTypeOf<FileError['params']>().toEqualTypeOf<FileErrorParams | undefined>();
    expectTypeOf<ErrorInfo>().toEqualTypeOf<ErrorInfo>();
    expectTypeOf<keyof ErrorInfo>().toEqualTypeOf<'code' | 'message'>();
    expectTypeOf<FileErrorParams>().toEqualTypeOf<{
      fileName?: string;
      size?: number;
      maxSize?: number;
      minSize?: number;
      types?: string[];
      maxFiles?: number;
      reason?: FilenameProblem;
      maxLength?: number;
    }>();
  });

  it('labels receive params, and a label written for ErrorInfo still fits', () => {
    const stated: ErrorLabel = ({ params }) => `max ${params?.maxSize ?? '?'}`;
    const old: ErrorLabel = (error: ErrorInfo) => error.message;
    const table: ErrorLabels = { 'file-too-large': stated, 'too-many-files': old };
    expectTypeOf(table).toExtend<ErrorLabels>();
    expectTypeOf<
      Parameters<Extract<ErrorLabel, (e: never) => string>>[0]
    >().toEqualTypeOf<LabelledError>();
    expectTypeOf<Locale['errors']['file-too-large']>().toEqualTypeOf<ErrorLabel>();
    const error: FileError = { code: 'file-too-large', message: '', params: { maxSize: 1 } };
    expectTypeOf(errorText(mergeLabels(de), error)).toEqualTypeOf<string>();
    expectTypeOf(errorText(mergeLabels(de), { code: 'network', message: '' })).toBeString();
  });

  it("the engine's messages receive params too", () => {
    expectTypeOf<ErrorMessageContext['params']>().toEqualTypeOf<FileErrorParams | undefined>();
  });
});
