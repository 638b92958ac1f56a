import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/server/cli-args.js';
import { settle, streamUpload } from './multipart-helpers.js';

const CLI = new URL('../../../src/cli.ts', import.meta.url).pathname;
const MIB = 1024 * 1024;

/** Starts the CLI; resolves with the child and its URL once it listens. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--port', '0', '--quiet', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

/** Peak resident memory of a process so far (Linux), in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (kib === undefined) throw new Error('no VmHWM');
  return Number(kib) * 1024;
}

/** The options of a command line that is not --help. */
function optionsOf(argv: string[]) {
  const parsed = parseCliArgs(argv);
  if (parsed.help) throw new Error('unexpected --help');
  return parsed.options;
}

describe('parseCliArgs --api', () => {
  it('maps --api, --xai-shape and --project-id, and checks faults against that API', () => {
    expect(optionsOf(['--api', 'xai', '--xai-shape', 'management'])).toMatchObject({
      api: 'xai',
      xaiShape: 'management',
    });
    const project = '11111111-2222-4333-8444-555555555555';
    expect(
      optionsOf([
        '--api',
        'llamacloud',
        '--project-id',
        project,
        '--fault',
        '{"route":"upload","drop":true,"afterEffect":true}',
      ]),
    ).toMatchObject({
      api: 'llamacloud',
      projectId: project,
      faults: [{ route: 'upload', drop: true, afterEffect: true }],
    });
    expect(optionsOf([])).not.toHaveProperty('api');
    expect(() => parseCliArgs(['--api', 'openai'])).toThrow(/--api must be one of/);
    expect(() => parseCliArgs(['--xai-shape', 'grpc'])).toThrow(/--xai-shape must be one of/);
    expect(() => parseCliArgs(['--api', 'xai', '--fault', '{"route":"complete"}'])).toThrow(
      /route must be one of upload, list, retrieve, delete, content/,
    );
  });
});

// A child process through tsx takes seconds to start on a shared 2-core machine.
describe('filedock-dev-server --api', { timeout: 30_000 }, () => {
  it('serves LlamaCloud with --api llamacloud (and not Lightfield)', async () => {
    const { child, url } = await startCli(['--api', 'llamacloud']);
    try {
      const headers = { authorization: 'Bearer k' };
      const list = await fetch(`${url}/api/v1/beta/files`, { headers });
      expect(await list.json()).toEqual({ items: [] });
      expect((await fetch(`${url}/v1/files`, { headers })).status).toBe(404);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('serves xAI with --api xai --xai-shape management', async () => {
    const { child, url } = await startCli(['--api', 'xai', '--xai-shape', 'management']);
    try {
      const list = await fetch(`${url}/v1/files`, { headers: { authorization: 'Bearer k' } });
      expect(await list.json()).toEqual({ files: [] });
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('streams uploads to disk: a 45 MiB upload and a refused 60 MB one leave the peak RSS below the file size', async () => {
    const { child, url } = await startCli(['--api', 'xai']);
    try {
      const pid = child.pid as number;
      // Warm up the code paths, so the baseline includes them.
      const warm = streamUpload(`${url}/v1/files`, { fileBytes: 1024 });
      expect((await warm.answer).status).toBe(200);
      const before = await peakRss(pid);

      const stored = streamUpload(`${url}/v1/files`, { fileBytes: 45 * MIB });
      const storedAnswer = await stored.answer;
      expect(storedAnswer.status).toBe(200);
      // A server holding the body would grow by at least the file size (more with the copies a
      // Buffer.concat makes); streaming leaves only what the GC has not collected yet.
      expect((await peakRss(pid)) - before).toBeLessThan(45 * MIB);
      expect(JSON.parse(storedAnswer.text).bytes).toBe(45 * MIB);

      const refused = streamUpload(`${url}/v1/files`, {
        fileBytes: 60 * 1000 * 1000,
        stallAfter: 50 * MIB + 128 * 1024,
      });
      expect((await settle(refused)).status).toBe(413);

      expect((await peakRss(pid)) - before).toBeLessThan(60 * 1000 * 1000);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});
