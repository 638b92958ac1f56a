/**
 * xAI's list `filter` expressions, as the seed documents them: comparisons joined by `AND`, e.g.
 * `size_bytes > 1000 AND upload_status = "Complete"`, or `name:"report"` (name contains). Fields:
 * file_id, file_name (or name), size_bytes, content_type, created_at, upload_status. Anything
 * else (OR, parentheses, other fields) is refused with 400 rather than guessed at.
 */
import { ApiError } from '../errors.js';
import type { XaiFile } from './view.js';

type Value = string | number;
type Clause = (file: XaiFile) => boolean;

const OPS: Record<string, (a: Value, b: Value) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
};

const FIELDS: Record<string, (file: XaiFile) => Value> = {
  file_id: (f) => f.id,
  file_name: (f) => f.filename,
  name: (f) => f.filename,
  size_bytes: (f) => f.bytes,
  content_type: (f) => f.contentType,
  created_at: (f) => f.createdAtMs,
  upload_status: () => 'Complete',
};

const CLAUSE = /^\s*(\w+)\s*(:|!=|>=|<=|=|>|<)\s*("(?:[^"\\]|\\.)*"|[\w.:+-]+)\s*$/;

function invalid(message: string): ApiError {
  return new ApiError(400, 'invalid_value', message, 'filter', { location: 'query' });
}

/** A literal as the field compares it: numbers for sizes, epoch ms for dates, else text. */
function literal(field: string, token: string): Value {
  const text = token.startsWith('"') ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
  if (field === 'size_bytes') {
    if (!/^\d+$/.test(text))
      throw invalid(`size_bytes compares with a whole number, got ${token}.`);
    return Number(text);
  }
  if (field === 'created_at') {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw invalid(`created_at compares with a date, got ${token}.`);
    return ms;
  }
  return text;
}

function clause(text: string): Clause {
  const match = CLAUSE.exec(text);
  if (!match) throw invalid(`Cannot read the filter clause "${text.trim()}".`);
  const [, field = '', op = '', token = ''] = match;
  const read = FIELDS[field];
  if (!read) throw invalid(`Cannot filter on "${field}".`);
  const value = literal(field, token);
  if (op === ':') return (file) => String(read(file)).includes(String(value));
  const compare = OPS[op];
  if (!compare) throw invalid(`Unknown operator ${op}.`);
  return (file) => compare(read(file), value);
}

/** Parses a filter into a predicate; throws a 400 naming what it cannot read. */
export function parseFilter(expression: string): Clause {
  const clauses = expression.split(/\s+AND\s+/).map(clause);
  return (file) => clauses.every((test) => test(file));
}
