import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UploadSnapshot } from '../../../src/core/upload/types.js';
import { guardUnload } from '../../../src/core/upload/unload-guard.js';

const snapshot = (...phases: string[]): UploadSnapshot =>
  ({ uploads: phases.map((phase) => ({ phase })) }) as unknown as UploadSnapshot;

afterEach(() => vi.unstubAllGlobals());

describe('guardUnload (resume off)', () => {
  function unloadWith(current: UploadSnapshot) {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const stop = guardUnload(() => current);
    const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    target.dispatchEvent(event);
    return { event, stop, target };
  }

  it('asks before unloading while bytes are on their way', () => {
    expect(unloadWith(snapshot('completed', 'uploading')).event.defaultPrevented).toBe(true);
    expect(unloadWith(snapshot('completing')).event.defaultPrevented).toBe(true);
  });

  it('lets the page go when nothing is being sent', () => {
    expect(unloadWith(snapshot()).event.defaultPrevented).toBe(false);
    expect(unloadWith(snapshot('queued', 'completed', 'failed')).event.defaultPrevented).toBe(
      false,
    );
  });

  it('stops asking once removed', () => {
    const { stop, target } = unloadWith(snapshot('uploading'));
    stop();
    const event = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('does nothing where there is no window (SSR, Node)', () => {
    expect(() => guardUnload(() => snapshot('uploading'))()).not.toThrow();
  });
});
