/**
 * WebKitWebDriver under a virtual display for the `e2e-webkit` project: `xvfb-run -a
 * WebKitWebDriver --port=<free port> --replace-on-new-session` in its own process group, ready
 * once `/status` answers; stopped (the whole group: xvfb-run, Xvfb, the driver and its
 * MiniBrowsers) at teardown.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface WebKitServer {
  url: string;
  stop(): Promise<void>;
}

export async function startWebKitDriver(timeoutMs = 20_000): Promise<WebKitServer> {
  const port = await freePort();
  const child = spawn(
    'xvfb-run',
    ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=local', '--replace-on-new-session'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on ${url} within ${timeoutMs} ms: ${stderr}`);
    }
    // A poll interval: the loop ends as soon as the driver answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
