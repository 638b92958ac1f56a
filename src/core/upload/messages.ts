/** Applies an app's per-code message overrides (localization) to an error. */
import type { ErrorInfo, FileError } from '../errors.js';
import type { ErrorMessages } from './types.js';

export function localize<T extends ErrorInfo | FileError>(
  error: T,
  file: File,
  messages: ErrorMessages | undefined,
): T {
  const override = messages?.[error.code];
  if (override === undefined) return error;
  const message =
    typeof override === 'function'
      ? override({
          code: error.code,
          message: error.message,
          file,
          ...('params' in error && error.params ? { params: error.params } : {}),
        })
      : override;
  return { ...error, message };
}
