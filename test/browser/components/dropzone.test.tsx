/**
 * The drop area on react-dropzone: its type and size verdicts reach the user once, in pick order,
 * as filedock's codes and texts; the engine still applies names, first bytes and maxFiles.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FileUploader, useFileDropzone, useFileUpload } from '../../../src/index.js';
import { defaultPurposeRules } from '../../../src/core/rules/purposes.js';
import type { FileRejection } from '../../../src/core/errors.js';
import { dispatchDrag, renderWithClient, textFile, transferOf, uploadItems } from './render.js';

const dropArea = () => screen.getByRole('button', { name: /^Upload files/ });
const png = (name = 'photo.png') => new File(['x'], name, { type: 'image/png' });
const drop = (target: Element, files: File[]) => {
  const transfer = transferOf(files);
  dispatchDrag(target, 'dragenter', transfer);
  dispatchDrag(target, 'drop', transfer);
};
/** name → data-phase and data-error-code of every item, in list order. */
const listed = () =>
  uploadItems(document.body).map((li) => [
    li.querySelector('.filedock-item-name')?.textContent,
    li.dataset.phase,
    li.dataset.errorCode ?? null,
  ]);
/** Names as picked: knowledge purposes stamp the stored name (`a_<time>.txt`). */
const storedNames = (client: { control: { list(): { filename: string }[] } }) =>
  client.control
    .list()
    .map((f) => f.filename.replace(/_\d+(?=\.)/, ''))
    .sort();
const smallRule = {
  knowledge_workspace: { ...defaultPurposeRules.knowledge_workspace, maxSize: 20 },
};

describe('Dropzone verdicts as filedock rejections', () => {
  it('shows a dropped file of a refused type once, with filedock’s code and replaceable text', async () => {
    const { client } = renderWithClient(<FileUploader purpose="knowledge_workspace" />, {
      labels: { errors: { 'file-invalid-type': (e) => `Type refusé (${e.code})` } },
    });
    drop(dropArea(), [png()]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('photo.png was not added: Type refusé (file-invalid-type)');
    expect(listed()).toEqual([['photo.png', 'rejected', 'file-invalid-type']]);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(client.control.calls).toEqual([]);
  });

  it('says why an oversize or empty file was refused in filedock’s words, not react-dropzone’s', async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />, { rules: smallRule });
    drop(dropArea(), [textFile('big.txt', 'x'.repeat(21)), textFile('empty.txt', '')]);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const [big, empty] = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(big).toBe('big.txt is 21 bytes, more than the 20 bytes limit.');
    expect(empty).toBe('empty.txt was not added: The file is empty.');
    expect(document.body.textContent).not.toMatch(/File (type must be|is larger than|is smaller)/);
    expect(listed().map(([, , code]) => code)).toEqual(['file-too-large', 'file-too-small']);
  });

  it('lists a mixed drop in the order it was dropped, uploading only what passed', async () => {
    const { client } = renderWithClient(<FileUploader purpose="knowledge_workspace" />, {
      rules: smallRule,
    });
    drop(dropArea(), [
      textFile('a.txt'),
      png('b.png'),
      textFile('c.txt'),
      textFile('d.txt', 'x'.repeat(21)),
      textFile('e.txt'),
    ]);
    await waitFor(() =>
      expect(listed()).toEqual([
        ['a.txt', 'completed', null],
        ['b.png', 'rejected', 'file-invalid-type'],
        ['c.txt', 'completed', null],
        ['d.txt', 'rejected', 'file-too-large'],
        ['e.txt', 'completed', null],
      ]),
    );
    expect(storedNames(client)).toEqual(['a.txt', 'c.txt', 'e.txt']);
  });

  it('lists a mixed pick in pick order too, and a second pick after the first', async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const input = screen.getByLabelText<HTMLInputElement>('Choose files to upload');
    await userEvent.upload(input, [png('1.png'), textFile('2.txt')]);
    await waitFor(() => expect(listed()).toHaveLength(2));
    await userEvent.upload(input, [textFile('3.txt'), png('4.png')]);
    await waitFor(() =>
      expect(listed()).toEqual([
        ['1.png', 'rejected', 'file-invalid-type'],
        ['2.txt', 'completed', null],
        ['3.txt', 'completed', null],
        ['4.png', 'rejected', 'file-invalid-type'],
      ]),
    );
  });

  it('keeps the first maxFiles valid files of a drop; refused ones do not count', async () => {
    const { client } = renderWithClient(
      <FileUploader purpose="knowledge_workspace" maxFiles={2} />,
    );
    drop(dropArea(), [png('x.png'), textFile('a.txt'), textFile('b.txt'), textFile('c.txt')]);
    await waitFor(() =>
      expect(listed()).toEqual([
        ['x.png', 'rejected', 'file-invalid-type'],
        ['a.txt', 'completed', null],
        ['b.txt', 'completed', null],
        ['c.txt', 'rejected', 'too-many-files'],
      ]),
    );
    expect(storedNames(client)).toEqual(['a.txt', 'b.txt']);
  });

  it('removes a refused file from the list with its Remove button', async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    drop(dropArea(), [png(), textFile('ok.txt')]);
    await waitFor(() => expect(listed()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Remove photo.png' }));
    await waitFor(() => expect(listed().map(([name]) => name)).toEqual(['ok.txt']));
  });
});

describe('Dropzone drag state', () => {
  it('does not mark an untyped .md or .csv drag as rejected, and uploads the drop', async () => {
    const { container } = renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    const files = [
      new File(['# notes'], 'notes.md', { type: '' }),
      new File(['a,b'], 'data.csv', { type: '' }),
    ];
    const transfer = transferOf(files);
    expect([...transfer.items].map((item) => item.type)).toEqual(['', '']);
    dispatchDrag(area, 'dragenter', transfer);
    await waitFor(() => expect(area.hasAttribute('data-drag-accept')).toBe(true));
    expect(area.hasAttribute('data-drag-reject')).toBe(false);
    dispatchDrag(area, 'drop', transfer);
    await waitFor(() =>
      expect(uploadItems(container).map((li) => li.dataset.phase)).toEqual([
        'completed',
        'completed',
      ]),
    );
  });

  it('marks a drag mixing a wrong type with a right one as rejected', async () => {
    renderWithClient(<FileUploader purpose="knowledge_workspace" />);
    const area = dropArea();
    dispatchDrag(area, 'dragenter', transferOf([textFile('a.txt'), png()]));
    await waitFor(() => expect(area.hasAttribute('data-drag-reject')).toBe(true));
    expect(area.hasAttribute('data-drag-accept')).toBe(false);
    expect(area.hasAttribute('data-drag-active')).toBe(true);
  });
});

/** Counts picker openings: the drop area opens the picker by clicking the file input. */
function watchPicker(): () => number {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  let count = 0;
  input.addEventListener('click', (event) => {
    count += 1;
    event.preventDefault(); // no native dialog in a headless run
  });
  return () => count;
}

describe('FileUploader dropzoneOptions', () => {
  it('noClick: a click does not open the picker, Enter still does', async () => {
    renderWithClient(<FileUploader dropzoneOptions={{ noClick: true }} />);
    const opened = watchPicker();
    await userEvent.click(dropArea());
    expect(opened()).toBe(0);
    dropArea().focus();
    await userEvent.keyboard('{Enter}');
    expect(opened()).toBe(1);
  });

  it('noKeyboard: the area leaves the tab order and Enter opens nothing', async () => {
    renderWithClient(<FileUploader dropzoneOptions={{ noKeyboard: true }} />);
    const opened = watchPicker();
    expect(dropArea().hasAttribute('tabindex')).toBe(false);
    dropArea().focus();
    await userEvent.keyboard('{Enter}');
    expect(opened()).toBe(0);
  });

  it('getFilesFromEvent decides which files a drop carries; onDrop hears filedock’s verdicts', async () => {
    const onDrop = vi.fn();
    const { container } = renderWithClient(
      <FileUploader
        purpose="knowledge_workspace"
        dropzoneOptions={{
          getFilesFromEvent: async (event) =>
            'dataTransfer' in event && event.type === 'drop'
              ? [...(event as DragEvent).dataTransfer!.files].filter((f) => f.name !== 'skip.txt')
              : [],
          onDrop,
        }}
      />,
    );
    drop(dropArea(), [textFile('skip.txt'), textFile('keep.txt'), png()]);
    await waitFor(() => expect(onDrop).toHaveBeenCalledTimes(1));
    const [accepted, rejections] = onDrop.mock.calls[0] as [File[], FileRejection[]];
    expect(accepted.map((f) => f.name)).toEqual(['keep.txt']);
    expect(rejections.map((r) => [r.file.name, r.errors.map((e) => e.code)])).toEqual([
      ['photo.png', ['file-invalid-type']],
    ]);
    await waitFor(() => expect(uploadItems(container)).toHaveLength(2));
  });
});

function CustomArea({
  name,
  onDrop,
  onRootDrop,
}: {
  name: string;
  onDrop: (accepted: File[], rejections: FileRejection[]) => void;
  onRootDrop?: (event: React.DragEvent) => void;
}) {
  const upload = useFileUpload({ purpose: 'knowledge_workspace' });
  const dropzone = useFileDropzone({ upload, purpose: 'knowledge_workspace', onDrop });
  return (
    <section>
      <div {...dropzone.getRootProps({ onDrop: onRootDrop, 'aria-label': name })}>
        <input {...dropzone.getInputProps({ 'aria-label': `${name} picker` })} />
      </div>
      <ul aria-label={`${name}: everything`}>
        {dropzone.uploads.map((u) => (
          <li key={u.localId} data-phase={u.phase} data-code={u.error?.code}>
            {u.file.name}
            <button type="button" onClick={() => dropzone.remove(u.localId)}>
              Forget {u.file.name}
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label={`${name}: engine`}>
        {upload.uploads.map((u) => (
          <li key={u.localId}>{u.file.name}</li>
        ))}
      </ul>
    </section>
  );
}

/** A bare picker over useFileDropzone that reports the File objects the engine holds. */
function Picker({ onEngineFiles }: { onEngineFiles: (files: readonly File[]) => void }) {
  const upload = useFileUpload({ purpose: 'knowledge_workspace' });
  onEngineFiles(upload.uploads.map((u) => u.file));
  const dropzone = useFileDropzone({ upload, purpose: 'knowledge_workspace' });
  return <input {...dropzone.getInputProps({ 'aria-label': 'Picker' })} />;
}

describe('useFileDropzone in a custom drop area', () => {
  it('composes the caller’s handlers; react-dropzone refuses before the engine sees a file', async () => {
    const onDrop = vi.fn();
    const onRootDrop = vi.fn();
    const { client } = renderWithClient(
      <CustomArea name="Mine" onDrop={onDrop} onRootDrop={onRootDrop} />,
    );
    drop(screen.getByRole('presentation', { name: 'Mine' }), [
      png('first.png'),
      textFile('second.txt'),
    ]);
    await waitFor(() => expect(onDrop).toHaveBeenCalledTimes(1));
    expect(onRootDrop).toHaveBeenCalledTimes(1);
    expect(onRootDrop.mock.calls[0]?.[0].type).toBe('drop');
    const [accepted, rejections] = onDrop.mock.calls[0] as [File[], FileRejection[]];
    expect(accepted.map((f) => f.name)).toEqual(['second.txt']);
    expect(rejections[0]?.errors[0]?.message).toMatch(/^first\.png is not an accepted file type/);

    const everything = screen.getByRole('list', { name: 'Mine: everything' });
    await waitFor(() =>
      expect(
        within(everything)
          .getAllByRole('listitem')
          .map((li) => [li.firstChild?.textContent, li.dataset.phase, li.dataset.code ?? null]),
      ).toEqual([
        ['first.png', 'rejected', 'file-invalid-type'],
        ['second.txt', 'completed', null],
      ]),
    );
    // The engine only ever held what react-dropzone accepted.
    const engine = screen.getByRole('list', { name: 'Mine: engine' });
    expect(
      within(engine)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['second.txt']);
    expect(storedNames(client)).toEqual(['second.txt']);

    await userEvent.click(screen.getByRole('button', { name: 'Forget first.png' }));
    await waitFor(() => expect(within(everything).getAllByRole('listitem')).toHaveLength(1));
  });

  it('hands the engine the File objects the user picked, not copies', async () => {
    let engineFiles: readonly File[] = [];
    renderWithClient(<Picker onEngineFiles={(files) => (engineFiles = files)} />);
    const input = screen.getByLabelText<HTMLInputElement>('Picker');
    await userEvent.upload(input, [textFile('one.txt'), textFile('two.txt')]);
    await waitFor(() => expect(engineFiles).toHaveLength(2));
    const picked = [...(input.files ?? [])];
    expect(engineFiles[0]).toBe(picked[0]);
    expect(engineFiles[1]).toBe(picked[1]);
  });

  it('a caller’s handler that stops propagation keeps the drop from the uploader', async () => {
    const held = vi.fn();
    const passed = vi.fn();
    renderWithClient(
      <>
        <CustomArea name="Held" onDrop={held} onRootDrop={(event) => event.stopPropagation()} />
        <CustomArea name="Passed" onDrop={passed} />
      </>,
    );
    drop(screen.getByRole('presentation', { name: 'Held' }), [textFile('held.txt')]);
    // The barrier: the same drop on an area that lets it through takes the same asynchronous
    // steps; once it is reported, the held one would have been too.
    drop(screen.getByRole('presentation', { name: 'Passed' }), [textFile('passed.txt')]);
    await waitFor(() => expect(passed).toHaveBeenCalledTimes(1));
    expect(held).not.toHaveBeenCalled();
    expect(screen.getByRole('list', { name: 'Held: everything' }).children).toHaveLength(0);
  });
});
