/**
 * Drives the consumer page in real Chromium, the way a user would: a multi-MiB upload (hashed in
 * the Worker), the FileList showing it, a refused type, and no console or page errors. Returns a
 * list of { name, ok, detail } checks; never throws for a failed expectation.
 */
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const TIMEOUT = 30_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** 3 MiB of text (over the 1 MiB Worker threshold), different per run so names never collide. */
function bigTextFile(label) {
  const line = `${`filedock pack smoke ${label} ${Date.now()} `.padEnd(63, '.')}\n`;
  const buffer = Buffer.from(line.repeat(Math.ceil((3 * 1024 * 1024) / line.length)));
  return {
    name: `smoke-${label}.txt`,
    mimeType: 'text/plain',
    buffer,
    md5: createHash('md5').update(buffer).digest('hex'),
  };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ label: string, appUrl: string, apiUrl: string }} target
 */
export async function checkPage(browser, { label, appUrl, apiUrl }) {
  const checks = [];
  const check = (name, ok, detail = '') =>
    checks.push({ name: `${label}: ${name}`, ok: Boolean(ok), detail });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);

  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      problems.push(`console.${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`),
  );
  const workerScripts = [];
  page.on('response', (res) => {
    if (res.status() >= 400)
      problems.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`);
    if (/md5\.worker/.test(res.url()))
      workerScripts.push({
        url: res.url(),
        status: res.status(),
        type: res.headers()['content-type'] ?? '',
      });
  });
  const workers = [];
  page.on('worker', (worker) => {
    workers.push(worker.url());
    // Errors thrown inside the worker surface here, not as page errors.
    worker.on(
      'console',
      (msg) => msg.type() === 'error' && problems.push(`worker console.error: ${msg.text()}`),
    );
  });

  try {
    await page.goto(appUrl, { waitUntil: 'load' });
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    check('page renders the uploader', true);
    const styled = await page.evaluate(() => {
      const area = document.querySelector('.filedock-dropzone-area');
      const input = document.querySelector('input[type=file]');
      return {
        border: area ? getComputedStyle(area).borderTopStyle : 'no drop area',
        inputDisplay: input ? getComputedStyle(input).display : 'no input',
      };
    });
    check(
      'filedock/styles.css is applied (dashed drop area)',
      styled.border === 'dashed',
      `border-top-style=${styled.border}`,
    );
    check(
      'the file input is not display:none',
      styled.inputDisplay !== 'none',
      `display=${styled.inputDisplay}`,
    );

    const file = bigTextFile(label);
    await input.setInputFiles([{ name: file.name, mimeType: file.mimeType, buffer: file.buffer }]);
    const item = page.locator(`[data-filedock-upload]`, { hasText: file.name });
    await item.locator('xpath=self::*[@data-phase="completed" or @data-phase="failed"]').waitFor();
    const phase = await item.getAttribute('data-phase');
    check(
      '3 MiB upload completes',
      phase === 'completed',
      `phase=${phase} error=${await item.getAttribute('data-error-code')}`,
    );

    const { files } = await (await fetch(`${apiUrl}/_control/files`)).json();
    const stored = files.find((f) => f.originalFilename === file.name);
    check(
      'server holds it COMPLETED with our MD5',
      stored?.status === 'COMPLETED' && stored.md5 === file.md5,
      stored
        ? `status=${stored.status} md5=${stored.md5} expected=${file.md5}`
        : 'not on the server',
    );

    const worker = workers.find((url) => /md5\.worker/.test(url));
    const script = workerScripts.find((s) => s.url === worker);
    check(
      'MD5 ran in the md5.worker asset (loaded as JavaScript)',
      worker && script?.status === 200 && /javascript/.test(script.type),
      `workers=${JSON.stringify(workers)} scripts=${JSON.stringify(workerScripts)}`,
    );

    const row = stored
      ? page.locator(`[data-file-id="${stored.id}"]`)
      : page.locator('[data-file-id="none"]');
    await row.waitFor().catch(() => {});
    check(
      'FileList shows the file',
      (await row.count()) === 1 &&
        /COMPLETED/i.test(
          (await row.locator('[data-status]').first().getAttribute('data-status')) ?? '',
        ),
    );

    await input.setInputFiles([
      {
        name: `tool-${label}.exe`,
        mimeType: 'application/x-msdownload',
        buffer: Buffer.from('MZ\x90\x00smoke'),
      },
    ]);
    const alert = page.getByRole('alert').filter({ hasText: `tool-${label}.exe` });
    await alert
      .first()
      .waitFor()
      .catch(() => {});
    check('a refused type shows role=alert naming the file', (await alert.count()) >= 1);
  } catch (error) {
    check(
      'page flow',
      false,
      error instanceof Error ? error.message.split('\n')[0] : String(error),
    );
  } finally {
    check(
      'no console errors, page errors or failed requests',
      problems.length === 0,
      problems.join('\n      '),
    );
    await context.close();
  }
  return checks;
}
