import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardUnloadLazily } from '../../../src/core/upload/lazy-unload-guard.js';
import { loadRunner } from '../../../src/core/upload/steps.js';
import type { UploadSnapshot } from '../../../src/core/upload/types.js';

const uploading = { uploads: [{ phase: 'uploading' }] } as unknown as UploadSnapshot;

afterEach(() => vi.unstubAllGlobals());

function unloadOn(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('guardUnloadLazily', () => {
  it('guards the unload once the runner’s chunk is there, until removed', async () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const remove = guardUnloadLazily(() => uploading);
    // The guard's own wait on this load was registered first, so it has run when this resolves.
    await loadRunner();
    expect(unloadOn(target)).toBe(true);
    remove();
    expect(unloadOn(target)).toBe(false);
  });

  it('adds nothing when removed before the chunk arrives', async () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    guardUnloadLazily(() => uploading)();
    await loadRunner();
    expect(unloadOn(target)).toBe(false);
  });
});
