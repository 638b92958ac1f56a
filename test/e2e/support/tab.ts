/**
 * The engine-neutral page the e2e tests drive: navigation, evaluation, waits on page state, real
 * clicks and real file picks, with elements found by `Query` (page-queries.ts) in the page itself,
 * so every engine finds them the same way. Waits poll the page's state and end as soon as it
 * holds; none is a fixed sleep.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineName, RawTab } from './engines.js';
import type { Payload } from './files.js';
import { installQueries, type PageQueries, type Query } from './page-queries.js';

type PageWindow = Window & { __e2e: PageQueries; __errors?: string[] };

/** How often a wait looks at the page again (each look is one protocol round trip). */
const POLL_MS = 50;
/** The modification time every picked file has on disk (whole seconds: some engines drop the ms). */
const PICKED_MTIME = new Date('2026-01-01T00:00:00Z');

export interface WaitOptions {
  timeout?: number;
  /** What is awaited, for the timeout's message. */
  what?: string;
}

export class Tab {
  private readonly pickDirs: string[] = [];

  constructor(
    readonly engine: EngineName,
    private readonly raw: RawTab,
  ) {}

  /** Chromium only: Playwright's page and context (browser.ts, for the tests not yet ported). */
  get playwright(): RawTab['playwright'] {
    return this.raw.playwright;
  }

  /** Uncaught errors the protocol reported (Chromium, Firefox); null where it has no such event (WebKit). */
  get protocolErrors(): string[] | null {
    return this.raw.protocolErrors;
  }

  async goto(url: string): Promise<void> {
    await this.raw.goto(url);
  }

  async reload(): Promise<void> {
    await this.raw.reload();
  }

  /**
   * Runs `fn(arg)` in the page (`fn` must be self-contained: it is sent as source text) and
   * returns its value, awaited. `window.__e2e` (the query resolver) is there for it.
   */
  async evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> {
    const expression = `(async () => {
      try {
        (${installQueries.toString()})();
        const value = await (${fn.toString()})(${arg === undefined ? 'undefined' : JSON.stringify(arg)});
        return { ok: true, value: value === undefined ? null : value };
      } catch (error) {
        return { ok: false, error: String((error && error.stack) || error) };
      }
    })()`;
    const out = (await this.raw.run(expression)) as
      | { ok: true; value: Awaited<R> }
      | { ok: false; error: string };
    if (!out.ok) throw new Error(`in the page: ${out.error}`);
    return out.value;
  }

  /** Polls `fn(arg)` in the page until `check` holds for its value; returns that value. */
  async waitUntil<R, A = undefined>(
    fn: (arg: A) => R,
    arg: A,
    check: (value: Awaited<R>) => boolean,
    { timeout = 20_000, what = 'a page state' }: WaitOptions = {},
  ): Promise<Awaited<R>> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (check(value)) return value;
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(value)?.slice(0, 1000)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  count(query: Query): Promise<number> {
    return this.evaluate((q) => (window as unknown as PageWindow).__e2e.all(q).length, query);
  }

  /** The attribute of the first match (null when absent); fails when nothing matches. */
  async attr(query: Query, name: string): Promise<string | null> {
    const found = await this.evaluate(
      ({ q, n }) => {
        const [el] = (window as unknown as PageWindow).__e2e.all(q);
        return el ? { value: el.getAttribute(n) } : null;
      },
      { q: query, n: name },
    );
    if (!found) throw new Error(`no element matches ${JSON.stringify(query)}`);
    return found.value;
  }

  /** The attribute of every match, in document order. */
  attrs(query: Query, name: string): Promise<Array<string | null>> {
    return this.evaluate(
      ({ q, n }) => (window as unknown as PageWindow).__e2e.all(q).map((el) => el.getAttribute(n)),
      { q: query, n: name },
    );
  }

  /** Text, visibility and disabled state of the first match, or null when nothing matches. */
  state(
    query: Query,
  ): Promise<{ text: string; visible: boolean; disabled: boolean; name: string } | null> {
    return this.evaluate((q) => {
      const e2e = (window as unknown as PageWindow).__e2e;
      const [el] = e2e.all(q);
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        text: el.textContent ?? '',
        visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden',
        disabled: (el as HTMLButtonElement).disabled === true,
        name: e2e.name(el),
      };
    }, query);
  }

  /** Waits until `query` matches at least one element (or exactly `count`). */
  async waitFor(query: Query, options: WaitOptions & { count?: number } = {}): Promise<void> {
    const { count } = options;
    await this.waitUntil(
      (q) => (window as unknown as PageWindow).__e2e.all(q).length,
      query,
      (n) => (count === undefined ? n > 0 : n === count),
      { what: JSON.stringify(query), ...options },
    );
  }

  /** A real click, through the protocol, on the first match (waited for). */
  async click(query: Query, options: WaitOptions = {}): Promise<void> {
    await this.waitFor(query, options);
    const selector = await this.evaluate(
      (q) => (window as unknown as PageWindow).__e2e.mark(q),
      query,
    );
    if (!selector) throw new Error(`no element matches ${JSON.stringify(query)}`);
    await this.raw.click(selector);
  }

  /**
   * Picks files through the `<input type=file>` matched by `selector`, as a user picking them
   * from disk: each is written to a temporary folder under its name and set by path (the
   * protocols take paths), so the browser reads it from disk and sets its type as it does for
   * any picked file. Every file gets the same modification time, so picking a payload again is
   * picking the same file from disk (name, size and lastModified agree), as a user choosing it
   * again in the dialog would; a fresh write's clock would make it an edited file.
   */
  async pick(selector: string, files: Payload[]): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'filedock-e2e-pick-'));
    this.pickDirs.push(dir);
    const paths: string[] = [];
    for (const [index, file] of files.entries()) {
      const folder = join(dir, String(index)); // two picked files may share a name
      await mkdir(folder);
      const path = join(folder, file.name);
      await writeFile(path, file.buffer);
      await utimes(path, PICKED_MTIME, PICKED_MTIME);
      paths.push(path);
    }
    await this.raw.setFiles(selector, paths);
  }

  /** Everything the page recorded in window.__errors, plus the protocol's page errors. */
  async errors(): Promise<string[]> {
    const recorded = await this.evaluate(
      () => (window as unknown as PageWindow).__errors ?? ['window.__errors missing'],
    );
    return [...recorded, ...(this.raw.protocolErrors ?? [])];
  }

  async close(): Promise<void> {
    try {
      await this.raw.close();
    } finally {
      await Promise.all(this.pickDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    }
  }
}
