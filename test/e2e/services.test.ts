/**
 * The services that upload in one multipart request (LlamaCloud, xAI), in every engine, through
 * the page's `?service=`: a picked file goes up in one POST (no session, no PUT), completes, is
 * listed, and the server holds its very bytes (downloaded back through the API); a cancel
 * mid-upload leaves nothing on the server. Lightfield's session flow is happy-path.test.ts's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { button, byRole, css, inside, item, pick, POLL, waitPhase } from './support/dom.js';
import { control } from './support/control.js';
import { binaryPayload, md5, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import type { Query } from './support/page-queries.js';
import type { Tab } from './support/tab.js';

const KiB = 1024;
/** Any bearer token opens the reference servers' API (they check the scheme, not the key). */
const AUTH = { Authorization: 'Bearer x' };

/** What `GET /_control/files` shows of a LlamaCloud or xAI file (their records differ). */
interface HeldFile {
  id: string;
  md5: string;
  purpose: string | null;
  /** LlamaCloud's size field. */
  sizeBytes?: number;
  /** xAI's size field. */
  bytes?: number;
}

interface ServiceCase {
  service: 'llamacloud' | 'xai';
  /** The purpose the page passes through (LlamaCloud's default is `user_data`; xAI needs none). */
  purpose?: string;
  /** The purpose the server records for the upload. */
  heldPurpose: string | null;
  /** Does the service's list answer carry a size? (LlamaCloud's does not.) */
  listsSize: boolean;
  /** Does it carry a creation date? (LlamaCloud's has only `last_modified_at`.) */
  listsDate: boolean;
  /** The stored bytes, downloaded back through the service's API. */
  download(base: string, id: string): Promise<Buffer>;
}

async function bytesOf(response: Response, what: string): Promise<Buffer> {
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

const CASES: ServiceCase[] = [
  {
    service: 'llamacloud',
    purpose: 'user_data',
    heldPurpose: 'user_data',
    listsSize: false,
    listsDate: false,
    async download(base, id) {
      // Its content endpoint answers a signed URL, which serves the bytes without a key.
      const res = await fetch(`${base}/api/v1/beta/files/${id}/content`, { headers: AUTH });
      if (!res.ok) throw new Error(`content answered ${res.status}: ${await res.text()}`);
      const { url } = (await res.json()) as { url: string };
      return bytesOf(await fetch(url), 'the signed download URL');
    },
  },
  {
    service: 'xai',
    heldPurpose: null,
    listsSize: true,
    listsDate: true,
    async download(base, id) {
      return bytesOf(
        await fetch(`${base}/v1/files/${id}/content`, { headers: AUTH }),
        'GET /v1/files/{id}/content',
      );
    },
  },
];

const list = css('[data-filedock-file-list]');
const row = (id: string): Query => css(`tr[data-file-id="${id}"]`);
const sizeCell = (id: string): Query => inside(row(id), css('.filedock-cell-size'));
const dateCell = (id: string): Query => inside(row(id), css('.filedock-cell-created'));

/** The row's size and date cells: shown (missing null) or the dash (`data-missing=""`). */
async function cells(tab: Tab, id: string) {
  return {
    size: {
      missing: await tab.attr(sizeCell(id), 'data-missing'),
      ...(await tab.state(sizeCell(id))),
    },
    date: {
      missing: await tab.attr(dateCell(id), 'data-missing'),
      ...(await tab.state(dateCell(id))),
    },
  };
}

describe('one-request uploads (LlamaCloud, xAI)', () => {
  const e2e = useE2e();

  for (const c of CASES) {
    const base = (): string => e2e.apiUrls[c.service];
    const server = () => control(base());
    const held = async (): Promise<HeldFile[]> => (await server().files()) as unknown as HeldFile[];

    describe(c.service, () => {
      // The harness resets Lightfield's server; this service's is reset here.
      beforeEach(async () => {
        await server().reset();
      });

      it('uploads a picked file in one request, lists it and holds its bytes', async () => {
        const tab = await e2e.open({
          service: c.service,
          ...(c.purpose === undefined ? {} : { purpose: c.purpose }),
        });
        const file = textPayload(`${c.service}-notes.txt`, 'text/plain', 200 * KiB, 21);
        await pick(tab, [file]);
        const el = await waitPhase(tab, file.name, 'completed');
        await expect
          .poll(() => tab.attr(byRole('progressbar', undefined, el), 'aria-valuenow'), POLL)
          .toBe('100');
        expect(await tab.attr(el, 'data-error-code')).toBeNull();

        // One multipart POST, cross-origin (preflighted), and nothing else that writes.
        const requests = (await server().requests()).filter((r) => r.method !== 'OPTIONS');
        const uploads = requests.filter((r) => r.route === 'upload');
        expect(uploads.map((r) => [r.method, r.status])).toEqual([['POST', 200]]);
        expect(uploads[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
        expect(uploads[0]!.headers.origin).toBe(e2e.appUrl);
        expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
        expect(requests.filter((r) => r.method !== 'GET' && r.route !== 'upload')).toEqual([]);

        const files = await held();
        expect(files).toHaveLength(1);
        const [stored] = files;
        expect(stored!.md5).toBe(md5(file.buffer));
        expect(stored!.sizeBytes ?? stored!.bytes).toBe(file.buffer.length);
        expect(stored!.purpose).toBe(c.heldPurpose);
        const downloaded = await c.download(base(), stored!.id);
        expect(downloaded.equals(file.buffer)).toBe(true);

        // The list shows the row; a cell the service does not list shows the dash.
        await tab.waitFor(row(stored!.id), { what: `the list row of ${file.name}` });
        expect(await tab.count(inside(list, css('tr[data-file-id]')))).toBe(1);
        expect((await tab.state(inside(row(stored!.id), css('th'))))?.text).toBe(file.name);
        const uploaded = await cells(tab, stored!.id);
        // The page that uploaded the file still knows its size, listed or not.
        expect(uploaded.size.missing).toBeNull();
        expect(uploaded.size.text).not.toContain('—');
        expect(uploaded.date.missing).toBe(c.listsDate ? null : '');

        // A fresh page knows only what the service lists.
        await tab.reload();
        await tab.waitFor(row(stored!.id), { what: `the list row of ${file.name} after a reload` });
        const listed = await cells(tab, stored!.id);
        expect(listed.size.missing).toBe(c.listsSize ? null : '');
        expect(listed.date.missing).toBe(c.listsDate ? null : '');
        for (const [shown, cell] of [
          [c.listsSize, listed.size],
          [c.listsDate, listed.date],
        ] as const) {
          if (shown) expect(cell.text).not.toContain('—');
          else expect(cell.text).toContain('—');
        }
      });

      it('cancels mid-upload: the server keeps nothing', async () => {
        await server().addFaults({ route: 'upload', throttleBytesPerSecond: 64 * KiB });
        const tab = await e2e.open({
          service: c.service,
          ...(c.purpose === undefined ? {} : { purpose: c.purpose }),
          list: false,
        });
        const file = binaryPayload(
          `${c.service}-slow.bin`,
          'application/octet-stream',
          1024 * KiB,
          22,
        );
        await pick(tab, [file]);
        const el = await waitPhase(tab, file.name, 'uploading');
        // The server is reading the body (throttled) and the page saw bytes go: really in flight.
        await server().until(
          () => server().requestsOn('upload'),
          (ups) => ups.length === 1 && ups[0]!.endedAt === null,
          'the upload to be in flight',
        );
        await expect
          .poll(
            async () =>
              Number(await tab.attr(byRole('progressbar', undefined, el), 'aria-valuenow')),
            POLL,
          )
          .toBeGreaterThan(0);

        await tab.click(button(`Cancel upload of ${file.name}`, item(file.name)));
        await waitPhase(tab, file.name, 'cancelled');
        // The server reads what the socket already holds at the throttled pace (up to the whole
        // 1 MiB, ~16 s, when the browser had handed it all over): wait on its log, not a clock.
        // Cancelled before the last byte left, the request is aborted and nothing is stored;
        // after it, the page lets the request finish and deletes the file it stored.
        const settled = await server().until(
          // The files first: a delete is in the log before it takes effect, so a log read after
          // an empty store has it.
          async () => {
            const files = await held();
            const requests = (await server().requests()).filter((r) => r.method !== 'OPTIONS');
            return {
              files,
              uploads: requests.filter((r) => r.route === 'upload'),
              deletes: requests.filter((r) => r.route === 'delete'),
            };
          },
          ({ uploads, deletes, files }) =>
            [...uploads, ...deletes].every((r) => r.endedAt !== null) && files.length === 0,
          'the cancelled upload to end with nothing stored',
          45_000,
        );
        expect(settled.uploads).toHaveLength(1);
        const [upload] = settled.uploads;
        if (upload!.status === 200)
          expect(settled.deletes.map((r) => [r.method, r.status >= 200 && r.status < 300])).toEqual(
            [['DELETE', true]],
          );
        else expect(settled.deletes).toEqual([]);
        expect(await held()).toEqual([]);
        expect(await tab.attr(item(file.name), 'data-error-code')).toBeNull();
      });
    });
  }
});
