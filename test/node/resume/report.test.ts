import { describe, expect, it } from 'vitest';
import { renderReliability } from '../../report/render.js';

describe('RELIABILITY.md', () => {
  it('lists the resume chaos run counts beside the chaos run ones', () => {
    const page = renderReliability({
      date: new Date('2026-12-02T00:00:00Z'),
      machine: 'test',
      rows: [],
      chaos: undefined,
      resumeChaos: { uploads: 50, reloads: 20, pendingSessions: 0 },
    });
    expect(page).toContain('## Resume chaos run counts (reloads under faults)');
    expect(page).toContain('| reloads | 20 |');
    expect(page).toContain('| pendingSessions | 0 |');
  });
});
