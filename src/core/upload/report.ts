/**
 * Errors thrown by app code (callbacks, store subscribers) go to the runtime's `reportError`, the
 * path an uncaught error takes (window `error` event, devtools), else the console: they must never
 * break an upload, the queue or the other subscribers, and must not vanish either.
 */
export function reportError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}

/** Calls an app callback, if any, reporting what it throws. */
export function safely<A extends unknown[]>(
  callback: ((...args: A) => void) | undefined,
  ...args: A
): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    reportError(error);
  }
}
