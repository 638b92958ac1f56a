/**
 * Files pasted into the focused drop area upload like dropped ones: the user sees them completed,
 * and the server holds them COMPLETED with the source's MD5. The paste event is built in the page
 * with a DataTransfer, as for drops (no protocol fills the OS clipboard with files).
 */
import { describe, expect, it } from 'vitest';
import { DROP_AREA, waitPhase } from './support/dom.js';
import { md5, textPayload } from './support/files.js';
import { useE2e } from './support/harness.js';
import type { PageQueries, Query } from './support/page-queries.js';

describe('paste', () => {
  const e2e = useE2e();

  it('uploads files pasted into the focused drop area', async () => {
    const tab = await e2e.open({ purpose: 'meeting_transcript', list: false });
    const files = [
      textPayload('pasted-1.txt', 'text/plain', 24 * 1024, 51),
      textPayload('pasted-2.txt', 'text/plain', 48 * 1024, 52),
    ];
    const outcome = await tab.evaluate(
      ({ list, target }: { list: Array<{ name: string; text: string }>; target: Query }) => {
        const [area] = (window as unknown as { __e2e: PageQueries }).__e2e.all(target);
        if (!(area instanceof HTMLElement)) throw new Error('no drop area');
        area.focus();
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
        const event = new ClipboardEvent('paste', {
          bubbles: true,
          cancelable: true,
          clipboardData: dt,
        });
        // Firefox's ClipboardEvent constructor keeps none of the files of the DataTransfer it is
        // given (a real paste of files does carry them): there the event gets it as its own
        // clipboardData, as a real paste would present it.
        const native = event.clipboardData?.files.length === list.length;
        if (!native) Object.defineProperty(event, 'clipboardData', { value: dt });
        area.dispatchEvent(event);
        return {
          focused: document.activeElement === area,
          carried: event.clipboardData?.files.length ?? 0,
          prevented: event.defaultPrevented,
          native,
        };
      },
      { list: files.map((f) => ({ name: f.name, text: f.buffer.toString() })), target: DROP_AREA },
    );
    expect(outcome).toEqual({
      focused: true,
      carried: 2,
      prevented: true,
      native: e2e.engine !== 'firefox',
    });
    for (const file of files) await waitPhase(tab, file.name, 'completed');
    const held = await e2e.server.files();
    expect(held.map((f) => [f.originalFilename, f.status, f.md5]).sort()).toEqual(
      files.map((f) => [f.name, 'COMPLETED', md5(f.buffer)]).sort(),
    );
  });
});
