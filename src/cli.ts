#!/usr/bin/env node
/** `filedock-dev-server`: starts the reference Files API server; stops gracefully on SIGINT/SIGTERM. */
import { CLI_HELP, parseCliArgs } from './server/cli-args.js';
import { createDevServer } from './server/index.js';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `filedock-dev-server: ${error instanceof Error ? error.message : String(error)}\n\n${CLI_HELP}`,
    );
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(CLI_HELP);
    return;
  }
  const log = parsed.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  const server = await createDevServer({ ...parsed.options, ...(log ? { log } : {}) });
  process.stdout.write(`filedock-dev-server listening on ${server.url}\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`filedock-dev-server: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`filedock-dev-server: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `filedock-dev-server: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
