import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileUploader, UploadItem } from '../../../src/index.js';
import type { Upload } from '../../../src/core/upload/types.js';
import type { UploadItemActions } from '../../../src/components/UploadItem.js';
import { renderWithClient, textFile, uploadItems } from './render.js';

const pick = (files: File[]) =>
  userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choose files to upload'), files);
const files = (count: number) =>
  Array.from({ length: count }, (_, i) => textFile(`n-${i}.txt`, `file ${i}`));

describe('FileUploader with many uploads', () => {
  it('mounts a large pick a slice per task, ending with every row in pick order', async () => {
    renderWithClient(<FileUploader concurrency={8} />);
    let largestBatch = 0;
    const observer = new MutationObserver((records) => {
      const added = records
        .flatMap((r) => [...r.addedNodes])
        .filter((n): n is HTMLElement => n instanceof HTMLElement)
        .reduce(
          (sum, n) =>
            sum +
            (n.matches('[data-filedock-upload]') ? 1 : 0) +
            n.querySelectorAll('[data-filedock-upload]').length,
          0,
        );
      largestBatch = Math.max(largestBatch, added);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    await pick(files(350));
    await waitFor(() => expect(uploadItems(document.body)).toHaveLength(350), { timeout: 15_000 });
    observer.disconnect();
    // One commit per task: a pick of 350 never mounts in one.
    expect(largestBatch).toBeGreaterThan(0);
    expect(largestBatch).toBeLessThanOrEqual(100);
    expect(
      uploadItems(document.body).map((li) => li.querySelector('.filedock-item-name')!.textContent),
    ).toEqual(files(350).map((f) => f.name));
  });

  it('keeps every row of a large pick in the page, named, spaced as the theme spaces them', async () => {
    renderWithClient(<FileUploader concurrency={1} />);
    await pick(files(300));
    await waitFor(() => expect(uploadItems(document.body)).toHaveLength(300), { timeout: 15_000 });
    const items = uploadItems(document.body);
    // Rows far below the fold are in the DOM with the contract's parts (their layout and paint
    // may be skipped until they scroll into view, never their content).
    items.forEach((li, i) => {
      expect(li.dataset.phase).toBeTruthy();
      expect(li.querySelector('[role="progressbar"][aria-valuenow]')).not.toBeNull();
      const names = [...li.querySelectorAll('button')].map((b) => b.textContent ?? '');
      expect(names.some((name) => name.endsWith(`n-${i}.txt`))).toBe(true);
    });
    expect(screen.getByRole('button', { name: /^(Cancel upload of|Remove) n-299\.txt$/ })).toBe(
      items[299]!.querySelector('button'),
    );
    // Half a rem between rows, as the list's gap was.
    const [first, second] = items.map((li) => li.getBoundingClientRect());
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(second!.top - first!.bottom).toBeCloseTo(rem / 2, 1);
  });

  it('re-renders only the rows whose upload changed', async () => {
    const renders = new Map<string, number>();
    const renderItem = (upload: Upload, actions: UploadItemActions) => {
      renders.set(upload.localId, (renders.get(upload.localId) ?? 0) + 1);
      return <UploadItem upload={upload} {...actions} />;
    };
    renderWithClient(<FileUploader concurrency={2} renderItem={renderItem} />);
    await pick(files(60));
    await waitFor(
      () =>
        expect(
          uploadItems(document.body).filter((li) => li.dataset.phase === 'completed'),
        ).toHaveLength(60),
      { timeout: 15_000 },
    );
    // Each record changes a handful of times (phases, session, MD5, completion); a list that
    // re-rendered every row on each notification would count dozens per row.
    const most = Math.max(...renders.values());
    expect(renders.size).toBe(60);
    expect(most).toBeLessThanOrEqual(16);
  });
});
