/**
 * react-dropzone's verdicts in filedock's terms. react-dropzone checks type and size against the
 * rule's `accept`, `maxSize` and `minSize`; its error texts are English and name MIME lists, so
 * each of its codes is mapped to the error filedock's own validation gives for that code (same
 * code, filedock's text and `params`, replaceable by code through `labels` or `messages`).
 */
import type { FileRejection as DropzoneRejection } from 'react-dropzone';
import type { FileError, FileRejection, ValidationErrorCode } from '../core/errors.js';
import type { PurposeRule } from '../core/rules/purposes.js';
import { fileErrors, tooManyError, typeError } from '../core/rules/validate.js';

const SIZE_CODES: ReadonlySet<string> = new Set(['file-too-large', 'file-too-small']);

/**
 * Every reason `rejection.file` was refused, with filedock's codes and texts: a bad name first
 * (react-dropzone does not read names), then what react-dropzone found, in its order. Errors from
 * an app's own `validator` keep their code and text, which are the app's.
 */
export function toFileRejection(
  rejection: DropzoneRejection,
  rule: PurposeRule,
  maxFiles: number | undefined,
): FileRejection {
  const { file } = rejection;
  // Name and size by filedock's rules; the type is left out (react-dropzone decided it).
  const own = fileErrors(file, rule, undefined);
  const errors: FileError[] = own.filter((error) => error.code === 'filename-invalid');
  for (const error of rejection.errors) {
    if (error.code === 'file-invalid-type') errors.push(typeError(file, rule));
    else if (error.code === 'too-many-files') errors.push(tooManyError(file, maxFiles ?? 1));
    else if (SIZE_CODES.has(error.code))
      errors.push(
        own.find((mine) => mine.code === error.code) ?? {
          code: error.code as ValidationErrorCode,
          message: file.name,
          params:
            error.code === 'file-too-large'
              ? { fileName: file.name, size: file.size, maxSize: rule.maxSize }
              : { fileName: file.name, size: file.size, minSize: rule.minSize },
        },
      );
    else errors.push({ code: error.code as ValidationErrorCode, message: error.message });
  }
  return { file, errors };
}
