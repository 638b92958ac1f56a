/**
 * xAI's error format: `{code, error}`, where `code` is the gRPC status description the service
 * sends (e.g. "Client specified an invalid argument") and `error` the human message.
 */
import type { ErrorRenderer } from '../errors.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'Client specified an invalid argument',
  401: 'The request does not have valid authentication credentials',
  403: 'The caller does not have permission to execute the specified operation',
  404: 'Some requested entity was not found',
  409: 'The operation was aborted',
  413: 'Client specified an invalid argument',
  422: 'Client specified an invalid argument',
  429: 'Some resource has been exhausted',
  500: 'Internal error',
  503: 'The service is currently unavailable',
  504: 'Deadline expired before operation could complete',
};

export function xaiCode(status: number): string {
  return (
    CODE_BY_STATUS[status] ??
    (status >= 500 ? 'Internal error' : 'Client specified an invalid argument')
  );
}

export const renderXaiError: ErrorRenderer = (error) => ({
  code: xaiCode(error.status),
  error: error.message,
});
