import { cleanup, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FileList, FileUploader } from '../../../src/index.js';
import { renderWithClient } from '../components/render.js';
import {
  LOCALES,
  renderBusyUploader,
  renderItems,
  renderListConfirming,
  renderListError,
} from './support.js';

afterEach(() => cleanup());

async function violations(root: Element): Promise<string[]> {
  // `region` judges a whole page's landmarks; these components sit inside the app's own.
  const result = await axe.run(root, {
    resultTypes: ['violations'],
    rules: { region: { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const box = (element: Element | null | undefined) => {
  if (!element) throw new Error('element not found');
  return element.getBoundingClientRect();
};

describe.each(['ar', 'he'])('right to left (%s)', (tag) => {
  const locale = LOCALES[tag]!;

  it('axe finds nothing on a busy uploader', async () => {
    await renderBusyUploader(locale);
    expect((await violations(document.body)).join('\n')).toBe('');
  });

  it('axe finds nothing on every item state', async () => {
    const { container } = renderItems(locale);
    expect((await violations(container)).join('\n')).toBe('');
  });

  it('axe finds nothing on a list confirming a delete, or failing', async () => {
    await renderListConfirming(locale);
    expect((await violations(document.body)).join('\n')).toBe('');
    cleanup();
    await renderListError(locale);
    expect((await violations(document.body)).join('\n')).toBe('');
  });

  it('the uploader and the list carry dir="rtl" and the lang from the locale', async () => {
    await renderBusyUploader(locale);
    const root = document.querySelector('[data-filedock-uploader]');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(root?.getAttribute('lang')).toBe(tag);
  });

  it('an app sets the direction through labels ({ ...he, dir: "ltr" })', () => {
    renderWithClient(<FileUploader />, { labels: { ...locale, dir: 'ltr' } });
    expect(document.querySelector('[data-filedock-uploader]')?.getAttribute('dir')).toBe('ltr');
  });

  it('mirrors: progress fills from the right, actions sit left of the name', async () => {
    const { container } = renderItems(locale);
    const uploading = container.querySelector('[data-phase="uploading"]');
    const track = box(uploading?.querySelector('.filedock-progress'));
    const fill = box(uploading?.querySelector('.filedock-progress-fill'));
    expect(Math.abs(fill.right - track.right)).toBeLessThan(1);
    expect(fill.width).toBeGreaterThan(0);
    expect(fill.width).toBeLessThan(track.width * 0.5);
    const name = box(uploading?.querySelector('.filedock-item-name'));
    const actions = box(uploading?.querySelector('.filedock-item-actions'));
    expect(actions.right).toBeLessThanOrEqual(name.left);
  });

  it('mirrors the list: name column first on the right, next page left of previous', async () => {
    const { container } = await renderListConfirming(locale);
    const headers = [...container.querySelectorAll('thead th')].map((th) => box(th));
    expect(headers[0]!.left).toBeGreaterThan(headers[1]!.left);
    const previous = box(screen.getByRole('button', { name: locale.list.previous }));
    const next = box(screen.getByRole('button', { name: locale.list.next }));
    expect(next.right).toBeLessThanOrEqual(previous.left);
  });

  it('a Latin file name stays in its own order inside the right-to-left row', async () => {
    const { container } = renderItems(locale);
    const name = container.querySelector('[data-phase="uploading"] .filedock-item-name');
    // dir="auto" resolves to the name's own direction (first strong character: Latin).
    expect(name?.getAttribute('dir')).toBe('auto');
    expect(getComputedStyle(name as Element).direction).toBe('ltr');
    expect(getComputedStyle(name as Element).unicodeBidi).toBe('isolate');
  });
});

describe('names in the other direction', () => {
  it('an Arabic name in a left-to-right list is isolated and aligns with the table start', async () => {
    renderWithClient(<FileList />, {
      labels: LOCALES.de!,
      files: [{ filename: 'تقرير-الربع.pdf', status: 'COMPLETED' }],
    });
    const name = await screen.findByText('تقرير-الربع.pdf');
    expect(name.tagName).toBe('BDI');
    const cell = box(name.closest('th'));
    expect(box(name).left - cell.left).toBeLessThan(16);
  });

  it('a Latin name in a right-to-left list aligns with the table start (the right)', async () => {
    renderWithClient(<FileList />, {
      labels: LOCALES.he!,
      files: [{ filename: 'report (v2).pdf', status: 'COMPLETED' }],
    });
    const name = await screen.findByText('report (v2).pdf');
    const cell = box(name.closest('th'));
    expect(cell.right - box(name).right).toBeLessThan(16);
  });
});
