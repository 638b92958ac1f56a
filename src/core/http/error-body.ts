/**
 * Reads an error answer's body, whichever service wrote it: Lightfield's `{error: {type,
 * message, code?, param?}}` (or the same object unwrapped, as its 429 comes), FastAPI's
 * `{detail: string | [{msg}]}` (LlamaCloud), and `{error: string, code?}` (xAI). Plain checks,
 * no schema library: anything else reads as "no details" and the status decides.
 */
export interface ErrorDetails {
  type?: string;
  message?: string;
  code?: string;
  param?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function parseErrorBody(body: unknown): ErrorDetails | undefined {
  if (!isRecord(body)) return undefined;
  const inner = isRecord(body.error) ? body.error : body;
  if (typeof inner.type === 'string' && typeof inner.message === 'string') {
    return {
      type: inner.type,
      message: inner.message,
      code: text(inner.code),
      param: text(inner.param),
    };
  }
  if (typeof body.error === 'string') return { message: body.error, code: text(body.code) };
  if (typeof body.detail === 'string') return { message: body.detail };
  if (Array.isArray(body.detail)) {
    const first: unknown = body.detail[0];
    if (isRecord(first) && typeof first.msg === 'string') {
      const loc = Array.isArray(first.loc) ? first.loc : [];
      const param = loc.length > 0 ? String(loc[loc.length - 1]) : undefined;
      return { message: first.msg, param };
    }
  }
  return undefined;
}
