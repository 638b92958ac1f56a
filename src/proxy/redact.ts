/** Scrubs log text: the API key, and any URL's query (presigned URLs carry their signature there). */
export function redact(text: string, apiKey: string): string {
  let out = text.split(apiKey).join('[redacted]');
  out = out.replace(/(https?:\/\/[^\s"'?#]*)[?#][^\s"']*/gi, '$1?[redacted]');
  return out.replace(/Bearer\s+[^\s"',]+/gi, 'Bearer [redacted]');
}

/** A short description of a thrown value for logs, without stack frames. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
