import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileUploader } from '../../../src/index.js';
import { renderWithClient, textFile } from './render.js';

/** Counts picker openings: the drop area opens the picker by clicking the file input. */
function watchPicker(): { opened: () => number } {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  let count = 0;
  input.addEventListener('click', (event) => {
    count += 1;
    event.preventDefault(); // no native dialog in a headless run
  });
  return { opened: () => count };
}

describe('FileUploader keyboard operation', () => {
  it('reaches the drop area with Tab and opens the picker with Enter and with Space', async () => {
    renderWithClient(
      <>
        <button type="button">before</button>
        <FileUploader />
      </>,
    );
    const picker = watchPicker();
    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.keyboard('{Tab}');
    const area = screen.getByRole('button', { name: /^Upload files/ });
    expect(document.activeElement).toBe(area);
    await waitFor(() => expect(area.hasAttribute('data-focused')).toBe(true));

    await userEvent.keyboard('{Enter}');
    expect(picker.opened()).toBe(1);
    await userEvent.keyboard(' ');
    expect(picker.opened()).toBe(2);
  });

  it('opens the picker on click', async () => {
    renderWithClient(<FileUploader />);
    const picker = watchPicker();
    await userEvent.click(screen.getByRole('button', { name: /^Upload files/ }));
    expect(picker.opened()).toBe(1);
  });

  it('keeps the file input focusable (not display:none) and named', () => {
    renderWithClient(<FileUploader />);
    const input = screen.getByLabelText<HTMLInputElement>('Choose files to upload');
    expect(input.type).toBe('file');
    expect(getComputedStyle(input).display).not.toBe('none');
    expect(getComputedStyle(input).visibility).not.toBe('hidden');
    input.focus();
    expect(document.activeElement).toBe(input);
  });

  it('takes files chosen in the picker', async () => {
    const { container } = renderWithClient(<FileUploader />);
    const input = screen.getByLabelText<HTMLInputElement>('Choose files to upload');
    await userEvent.upload(input, [textFile('one.txt'), textFile('two.txt')]);
    await waitFor(() =>
      expect(
        [...container.querySelectorAll('[data-filedock-upload]')].map((li) =>
          li.getAttribute('data-phase'),
        ),
      ).toEqual(['completed', 'completed']),
    );
  });

  it('moves Tab from the drop area to the item buttons in list order', async () => {
    renderWithClient(<FileUploader concurrency={1} />, {
      pauseAt: { phase: 'uploading', percent: 50 },
    });
    const input = screen.getByLabelText<HTMLInputElement>('Choose files to upload');
    await userEvent.upload(input, [textFile('first.txt'), textFile('second.txt')]);
    const cancelFirst = await screen.findByRole('button', { name: 'Cancel upload of first.txt' });
    const cancelSecond = await screen.findByRole('button', { name: 'Cancel upload of second.txt' });
    screen.getByRole('button', { name: /^Upload files/ }).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(cancelFirst);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(cancelSecond);
    // Space on a focused item button acts on it.
    await userEvent.keyboard(' ');
    await waitFor(() => expect(cancelSecond.closest('[data-filedock-upload]')).toBeNull());
    const phases = [...document.querySelectorAll('[data-filedock-upload]')].map((li) =>
      li.getAttribute('data-phase'),
    );
    expect(phases).toEqual(['uploading', 'cancelled']);
  });
});
