/** Parses `filedock-dev-server` flags into DevServerOptions (node:util parseArgs, strict). */
import { parseArgs } from 'node:util';
import { FAULT_ROUTES_BY_API, type FaultSpec, parseFault } from './faults.js';
import { DEFAULT_HOST, DEFAULT_PORT, type DevServerOptions, type XaiShape } from './options.js';
import { API_NAMES } from './service.js';

export const CLI_HELP = `filedock-dev-server: a strict reference Files API server for local development

Usage: filedock-dev-server [options]

  --api <name>           lightfield | llamacloud | xai (default lightfield)
  --xai-shape <shape>    xai answers: openai | management (default openai)
  --project-id <uuid>    llamacloud: the default project (default: derived from the data dir)
  --port <n>             TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>          interface to listen on (default ${DEFAULT_HOST})
  --data-dir <path>      persist files here (default: a temporary dir, removed on exit)
  --session-ttl <ms>     lightfield: upload session lifetime (default 3600000)
  --download-ttl <ms>    download URL lifetime (default 900000)
  --api-key <key>        accepted bearer token (repeatable; default: any token)
  --admin-token <key>    lightfield: token allowed to use knowledge_workspace (repeatable; default: all)
  --rate-limit <n>       requests per second per category (default 25)
  --no-rate-limit        switch rate limiting off
  --cors-origin <o>      allowed CORS origin (repeatable; default *)
  --public-url <url>     base of upload/download URLs (default http://host:port)
  --control              serve the unauthenticated /_control endpoint (tests, demos)
  --fault <json>         scripted fault, e.g. '{"route":"put","status":503}' (repeatable)
  --quiet                do not log requests
  --help                 show this help
`;

export type CliResult = { help: true } | { help: false; options: DevServerOptions; quiet: boolean };

function integer(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new TypeError(`${flag} needs an integer ≥ ${min}, got "${value}"`);
  return Number(value);
}

function oneOf<T extends string>(
  value: string | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new TypeError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** `{[key]: value}`, or nothing when the value is undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Throws a TypeError with a readable message on a bad flag or value. */
export function parseCliArgs(argv: string[]): CliResult {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      api: { type: 'string' },
      'xai-shape': { type: 'string' },
      'project-id': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'session-ttl': { type: 'string' },
      'download-ttl': { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'admin-token': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      control: { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const api = oneOf(values.api, '--api', API_NAMES) ?? 'lightfield';
  const xaiShape = oneOf(values['xai-shape'], '--xai-shape', ['openai', 'management'] as const);
  const faults: FaultSpec[] = (values.fault ?? []).map((text) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TypeError(`--fault needs JSON, got ${text}`);
    }
    return parseFault(parsed, FAULT_ROUTES_BY_API[api]);
  });
  const rate = integer(values['rate-limit'], '--rate-limit', 1);
  const options: DevServerOptions = {
    ...(api === 'lightfield' ? {} : { api }),
    ...optional<'xaiShape', XaiShape>('xaiShape', xaiShape),
    ...optional('projectId', values['project-id']),
    port: integer(values.port, '--port', 0) ?? DEFAULT_PORT,
    host: values.host ?? DEFAULT_HOST,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...optional('sessionTtlMs', integer(values['session-ttl'], '--session-ttl', 1)),
    ...optional('downloadTtlMs', integer(values['download-ttl'], '--download-ttl', 1)),
    ...(values['api-key'] ? { apiKeys: values['api-key'] } : {}),
    ...(values['admin-token'] ? { adminTokens: values['admin-token'] } : {}),
    ...(values['no-rate-limit']
      ? { rateLimit: false as const }
      : rate
        ? { rateLimit: { perSecond: rate } }
        : {}),
    ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    control: values.control ?? false,
    faults,
  };
  return { help: false, options, quiet: values.quiet ?? false };
}
