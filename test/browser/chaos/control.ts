/**
 * The reference server's `/_control` side door as the chaos and bad-input suites use it: reset,
 * faults, the request log and the server's own view of every file (status and stored MD5).
 */
import { inject } from 'vitest';

export interface ServerFile {
  id: string;
  status: 'PENDING' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';
  filename: string;
  originalFilename: string;
  md5: string | null;
  sizeBytes: number;
}

export interface LoggedRequest {
  id: number;
  method: string;
  route: string | null;
  path: string;
  status: number;
  headers: Record<string, string>;
  fileId?: string;
}

export const serverUrl = (): string => inject('serverUrl');

export async function control<T>(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const response = await fetch(`${serverUrl()}/_control/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`/_control/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const resetServer = () => control('reset', {});
export const addFaults = (faults: object[]) => control('faults', { faults });
export const armedFaults = () => control<{ faults: object[] }>('faults').then((r) => r.faults);
export const serverFiles = () => control<{ files: ServerFile[] }>('files').then((r) => r.files);
export const requestLog = () =>
  control<{ requests: LoggedRequest[] }>('requests').then((r) => r.requests);

/** Collects page errors and unhandled rejections from the moment it is called. */
export function watchPageErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String((event.reason as Error)?.message ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
