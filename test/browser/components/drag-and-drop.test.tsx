import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FileUploader } from '../../../src/index.js';
import { dispatchDrag, renderWithClient, textFile, transferOf, uploadItems } from './render.js';

function dropArea(): HTMLElement {
  return screen.getByRole('button', { name: /^Upload files/ });
}

describe('FileUploader drag and drop (real DataTransfer)', () => {
  it('marks an acceptable drag, then uploads what is dropped', async () => {
    const { container, client } = renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    const transfer = transferOf([textFile('notes.txt', 'some notes')]);

    dispatchDrag(area, 'dragenter', transfer);
    dispatchDrag(area, 'dragover', transfer);
    await waitFor(() => expect(area.hasAttribute('data-drag-accept')).toBe(true));
    expect(area.hasAttribute('data-drag-reject')).toBe(false);
    expect(area.textContent).toContain('Drop to upload');

    dispatchDrag(area, 'drop', transfer);
    await waitFor(() => expect(uploadItems(container)[0]?.dataset.phase).toBe('completed'));
    expect(area.hasAttribute('data-drag-active')).toBe(false);
    const [stored] = client.control.list();
    expect(stored?.status).toBe('COMPLETED');
    expect(await client.control.read(stored!.id)?.text()).toBe('some notes');
  });

  it('marks a drag of a refused type as a reject and says so', async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    const transfer = transferOf([new File(['x'], 'photo.png', { type: 'image/png' })]);
    dispatchDrag(area, 'dragenter', transfer);
    await waitFor(() => expect(area.hasAttribute('data-drag-reject')).toBe(true));
    expect(area.textContent).toContain('cannot be uploaded here');
    dispatchDrag(area, 'dragleave', transfer);
    await waitFor(() => expect(area.hasAttribute('data-drag-active')).toBe(false));
  });

  it('shows a dropped refused file as an alert naming it and the reason, with no network call', async () => {
    const { client } = renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    const transfer = transferOf([new File(['x'], 'photo.png', { type: 'image/png' })]);
    dispatchDrag(area, 'dragenter', transfer);
    dispatchDrag(area, 'drop', transfer);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^photo\.png is not an accepted file type\. Accepted: .+/);
    expect(alert.closest('[data-filedock-upload]')?.getAttribute('data-error-code')).toBe(
      'file-invalid-type',
    );
    expect(client.control.calls).toEqual([]);
  });

  it('takes files pasted into the drop area', async () => {
    const { container } = renderWithClient(<FileUploader />);
    const area = dropArea();
    area.focus();
    const paste = new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: transferOf([textFile('pasted.txt')]),
    });
    area.dispatchEvent(paste);
    await waitFor(() =>
      expect(uploadItems(container).map((li) => li.textContent)).toEqual([
        expect.stringContaining('pasted.txt'),
      ]),
    );
    expect(paste.defaultPrevented).toBe(true);
  });

  it('ignores drops while disabled', async () => {
    const { client } = renderWithClient(
      <>
        <FileUploader disabled className="off" />
        <FileUploader className="on" labels={{ dropzone: { label: 'Upload more files' } }} />
      </>,
    );
    const area = screen.getByRole('button', { name: /^Upload files/ });
    expect(area.getAttribute('aria-disabled')).toBe('true');
    expect(area.hasAttribute('tabindex')).toBe(false);
    expect(area.textContent).toContain('Uploading is disabled');
    const transfer = transferOf([textFile('a.txt')]);
    dispatchDrag(area, 'dragenter', transfer);
    dispatchDrag(area, 'drop', transfer);
    expect(area.hasAttribute('data-drag-active')).toBe(false);
    // A barrier instead of a sleep: the same drop on an enabled uploader goes through the same
    // asynchronous steps; once its item shows, the disabled one would have shown its own.
    const enabled = screen.getByRole('button', { name: /^Upload more files/ });
    dispatchDrag(enabled, 'dragenter', transferOf([textFile('b.txt')]));
    dispatchDrag(enabled, 'drop', transferOf([textFile('b.txt')]));
    await waitFor(() =>
      expect(document.querySelector('.on [data-filedock-upload]')?.getAttribute('data-phase')).toBe(
        'completed',
      ),
    );
    expect(document.querySelectorAll('.off [data-filedock-upload]')).toHaveLength(0);
    expect(client.control.list().map((f) => f.filename)).toEqual(['b.txt']);
  });

  it("stays active while the drag crosses the area's own text, and ignores drags without files", async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    const title = area.querySelector('.filedock-dropzone-title')!;
    const transfer = transferOf([textFile('notes.txt')]);
    dispatchDrag(area, 'dragenter', transfer);
    dispatchDrag(title, 'dragenter', transfer);
    dispatchDrag(area, 'dragleave', transfer); // leaving the area's box for its child
    await waitFor(() => expect(area.hasAttribute('data-drag-accept')).toBe(true));
    dispatchDrag(title, 'dragleave', transfer);
    await waitFor(() => expect(area.hasAttribute('data-drag-active')).toBe(false));

    const text = new DataTransfer();
    text.setData('text/plain', 'just words');
    // act() flushes React's updates from the event, so the check below sees their result.
    await act(async () => dispatchDrag(area, 'dragenter', text));
    expect(area.hasAttribute('data-drag-active')).toBe(false);
  });

  it('keeps the browser from opening a file dropped beside the area', () => {
    renderWithClient(<FileUploader />);
    const beside = document.createElement('div');
    document.body.append(beside);
    const transfer = transferOf([textFile('stray.txt')]);
    const over = new DragEvent('dragover', {
      bubbles: true,
      cancelable: true,
      dataTransfer: transfer,
    });
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    beside.dispatchEvent(over);
    beside.dispatchEvent(drop);
    beside.remove();
    expect([over.defaultPrevented, drop.defaultPrevented]).toEqual([true, true]);
  });
});
