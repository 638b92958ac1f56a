import { describe, expect, it } from 'vitest';
import { cursorFor, emptyTrail, reachable, recordPage } from '../../../src/react/cursor-trail.js';

describe('cursor trail', () => {
  it('knows page 1 without a token and later pages once the page before reported one', () => {
    let trail = emptyTrail('k');
    expect(cursorFor(trail, 1)).toBeUndefined();
    expect(cursorFor(trail, 2)).toBeNull();
    trail = recordPage(trail, 1, 'c2');
    trail = recordPage(trail, 2, 'c3');
    expect(cursorFor(trail, 2)).toBe('c2');
    expect(cursorFor(trail, 3)).toBe('c3');
    expect(cursorFor(trail, 4)).toBeNull();
    expect(reachable(trail)).toBe(3);
  });

  it('returns the same trail when a page reports the token it reported before', () => {
    const trail = recordPage(recordPage(emptyTrail('k'), 1, 'c2'), 2, 'c3');
    expect(recordPage(trail, 1, 'c2')).toBe(trail);
    expect(recordPage(trail, 2, 'c3')).toBe(trail);
  });

  it('drops the tokens after a page whose token changed (the list moved)', () => {
    const trail = recordPage(recordPage(emptyTrail('k'), 1, 'c2'), 2, 'c3');
    const moved = recordPage(trail, 1, 'c2-new');
    expect(moved.next).toEqual(['c2-new']);
    expect(cursorFor(moved, 3)).toBeNull();
  });

  it('marks the page without a next token as the last, dropping any token after it', () => {
    const trail = recordPage(recordPage(emptyTrail('k'), 1, 'c2'), 2, 'c3');
    const ended = recordPage(trail, 2, undefined);
    expect(ended).toMatchObject({ next: ['c2'], last: 2 });
    expect(recordPage(ended, 2, undefined)).toBe(ended);
  });

  it('ignores a page it cannot have reached (no token for it yet)', () => {
    const trail = emptyTrail('k');
    expect(recordPage(trail, 3, 'c4')).toBe(trail);
  });
});
