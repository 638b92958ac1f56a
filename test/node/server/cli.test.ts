import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/server/cli-args.js';

const CLI = new URL('../../../src/cli.ts', import.meta.url).pathname;

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first stdout match; rejects if the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before ${pattern}: ${out}`)),
    );
  });
}

async function collect(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('parseCliArgs', () => {
  it('maps every flag onto DevServerOptions', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--data-dir',
      '/tmp/x',
      '--session-ttl',
      '5000',
      '--download-ttl',
      '6000',
      '--api-key',
      'a',
      '--api-key',
      'b',
      '--admin-token',
      'a',
      '--rate-limit',
      '7',
      '--cors-origin',
      'http://x.test',
      '--control',
      '--fault',
      '{"route":"put","status":503}',
      '--public-url',
      'http://proxy.test',
    ]);
    expect(parsed).toEqual({
      help: false,
      quiet: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        dataDir: '/tmp/x',
        sessionTtlMs: 5000,
        downloadTtlMs: 6000,
        apiKeys: ['a', 'b'],
        adminTokens: ['a'],
        rateLimit: { perSecond: 7 },
        corsOrigins: ['http://x.test'],
        publicUrl: 'http://proxy.test',
        control: true,
        faults: [{ route: 'put', status: 503 }],
      },
    });
  });

  it('defaults to 127.0.0.1:4010 and can switch rate limiting off', () => {
    expect(parseCliArgs(['--no-rate-limit'])).toMatchObject({
      options: { port: 4010, host: '127.0.0.1', rateLimit: false, control: false },
    });
  });

  it('refuses bad values with a readable message', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port needs an integer/);
    expect(() => parseCliArgs(['--fault', '{nope'])).toThrow(/--fault needs JSON/);
    expect(() => parseCliArgs(['--fault', '{"route":"x"}'])).toThrow(/route must be one of/);
    expect(() => parseCliArgs(['--bogus'])).toThrow(/bogus/);
  });
});

// Child processes through tsx take seconds to start on a shared 2-core machine.
describe('filedock-dev-server', { timeout: 30_000 }, () => {
  it('serves the API with the given flags and stops cleanly on SIGTERM', async () => {
    const child = run([
      '--port',
      '0',
      '--quiet',
      '--control',
      '--fault',
      '{"route":"list","status":503}',
    ]);
    const exited = collect(child);
    const [, url] = await waitForLine(child, /listening on (http:\/\/\S+)/);
    const headers = { authorization: 'Bearer t', 'lightfield-version': '2026-03-01' };
    expect((await fetch(`${url}/v1/files`, { headers })).status).toBe(503);
    expect((await fetch(`${url}/v1/files`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/_control/requests`)).status).toBe(200);
    child.kill('SIGTERM');
    const { code, stdout } = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('SIGTERM, shutting down');
  });

  it('prints help, and exits 2 on a bad flag', async () => {
    const help = await collect(run(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--data-dir <path>');
    const bad = await collect(run(['--port', 'x']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port needs an integer');
  });
});
