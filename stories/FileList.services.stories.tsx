/**
 * The list and the uploader against LlamaCloud's and xAI's capabilities (the in-memory client
 * emulating each): no size or date, delete with a confirmation, cursor paging, bytes download.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { FileList, FileUploader } from '../src/index.js';
import type { MemoryFileSeed } from '../src/testing/index.js';
import { currentClient, textFile, withMemoryClient, type MemoryParameters } from './support.js';

const meta = {
  title: 'FileList/Services',
  component: FileList,
  decorators: [withMemoryClient],
  args: { labels: { timeZone: 'UTC' } },
} satisfies Meta<typeof FileList>;
export default meta;
type Story = StoryObj<typeof meta>;

const T0 = Date.parse('2026-11-01T12:00:00.000Z');
const files = (count: number, prefix = 'notes'): MemoryFileSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `file_${String(i).padStart(4, '0')}`,
    filename: `${prefix}-${String(i + 1).padStart(2, '0')}.txt`,
    mimeType: 'text/plain',
    sizeBytes: 1_000 * (i + 1),
    createdAt: new Date(T0 + i * 60_000).toISOString(),
    status: 'COMPLETED',
  }));
const memory = (options: MemoryParameters) => ({ memory: options });
const rows = (root: HTMLElement) => root.querySelectorAll('tr[data-file-id]');
const names = (root: HTMLElement) =>
  [...root.querySelectorAll('tr[data-file-id] th')].map((th) => th.textContent);

export const LlamaCloudNoSizeNoDate: Story = {
  name: 'LlamaCloud: no size, no date',
  parameters: memory({ service: 'llamacloud', files: files(3) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(3));
    for (const cell of canvasElement.querySelectorAll(
      '.filedock-cell-size, .filedock-cell-created',
    )) {
      await expect(cell).toHaveAttribute('data-missing');
      await expect(cell.querySelector('[aria-hidden="true"]')).toHaveTextContent('—');
    }
    await expect(canvasElement).not.toHaveTextContent(/NaN|Invalid Date/);
    await expect(
      within(canvasElement).getByRole('button', { name: 'Delete notes-01.txt' }),
    ).toBeVisible();
  },
};

export const XaiSizesAndDates: Story = {
  name: 'xAI: sizes and dates, bytes download',
  args: { onDownload: fn() },
  parameters: memory({ service: 'xai', files: files(3) }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(3));
    await expect(canvasElement.querySelectorAll('[data-missing]')).toHaveLength(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Download notes-02.txt' }));
    await waitFor(() => expect(args.onDownload).toHaveBeenCalledTimes(1));
    const [url, file] = (args.onDownload as ReturnType<typeof fn>).mock.calls[0]!;
    await expect(url).toMatch(/^blob:/);
    await expect(file).toMatchObject({ filename: 'notes-02.txt' });
  },
};

export const DeleteWithConfirmation: Story = {
  name: 'Delete asks first (LlamaCloud)',
  parameters: memory({ service: 'llamacloud', files: files(3) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(3));
    await userEvent.click(canvas.getByRole('button', { name: 'Delete notes-02.txt' }));
    // A stray second press lands on Keep, which has the focus.
    const keep = canvas.getByRole('button', { name: 'Keep notes-02.txt' });
    await expect(keep).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('button', { name: 'Delete notes-02.txt' })).toHaveFocus();
    await expect(rows(canvasElement)).toHaveLength(3);
    await expect(currentClient?.control.calls.some((c) => c.route === 'delete')).toBe(false);

    await userEvent.click(canvas.getByRole('button', { name: 'Delete notes-02.txt' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm delete notes-02.txt' }));
    await waitFor(() =>
      expect(names(canvasElement).sort()).toEqual(['notes-01.txt', 'notes-03.txt']),
    );
    await expect(canvas.getByRole('status')).toHaveTextContent('notes-02.txt deleted.');
    await expect(canvas.getByRole('table')).toHaveFocus();
    await expect(currentClient?.control.calls.filter((c) => c.route === 'delete')).toHaveLength(1);
  },
};

export const DeleteConfirming: Story = {
  name: 'Delete: the confirmation on screen (xAI)',
  parameters: memory({ service: 'xai', files: files(2) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete notes-01.txt' }));
    await expect(canvas.getByRole('button', { name: 'Confirm delete notes-01.txt' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Keep notes-01.txt' })).toHaveFocus();
    await expect(canvasElement.querySelector('[data-state="confirming"]')).not.toBeNull();
  },
};

export const DeleteFailed: Story = {
  name: 'Delete failed (xAI, 503)',
  parameters: memory({
    service: 'xai',
    files: files(2),
    faults: [{ route: 'delete', status: 503, times: Number.POSITIVE_INFINITY }],
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete notes-01.txt' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm delete notes-01.txt' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'notes-01.txt could not be deleted. The service is unavailable right now.',
    );
    await expect(rows(canvasElement)).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: 'Delete notes-01.txt' })).toHaveFocus();
  },
};

export const CursorPaging: Story = {
  name: 'Cursor paging (xAI, 60 files)',
  parameters: memory({ service: 'xai', files: files(60) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const next = () => canvas.getByRole('button', { name: 'Next page' });
    const previous = () => canvas.getByRole('button', { name: 'Previous page' });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(25));
    const first = names(canvasElement);
    await expect(previous()).toBeDisabled();
    await userEvent.click(next());
    await waitFor(() => expect(canvas.getByText(/^Page 2/)).toBeVisible());
    await waitFor(() => expect(names(canvasElement)).not.toEqual(first));
    await userEvent.click(next());
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(10));
    await expect(next()).toBeDisabled();
    await userEvent.click(previous());
    await userEvent.click(previous());
    await waitFor(() => expect(names(canvasElement)).toEqual(first));
    await expect(previous()).toBeDisabled();
  },
};

/** The uploader and the list of one service side by side: a file just uploaded lists with its size. */
function UploaderAndList() {
  return (
    <>
      <FileUploader />
      <FileList labels={{ timeZone: 'UTC' }} />
    </>
  );
}

export const LlamaCloudUploadListsLocalSize: Story = {
  name: 'LlamaCloud: an upload lists with its picked size',
  render: () => <UploaderAndList />,
  parameters: memory({ service: 'llamacloud' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(
      canvas.getByLabelText('Choose files to upload'),
      textFile('brief.txt', 'x'.repeat(2_048)),
    );
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(1));
    const row = rows(canvasElement)[0]!;
    await expect(row.querySelector('.filedock-cell-size')).toHaveTextContent('2 kB');
    await expect(row.querySelector('.filedock-cell-created')).toHaveAttribute('data-missing');
  },
};

export const XaiUploaderStates: Story = {
  name: 'xAI: uploading, then completed',
  render: () => <UploaderAndList />,
  parameters: memory({ service: 'xai', pauseAt: { phase: 'uploading', percent: 50 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(
      canvas.getByLabelText('Choose files to upload'),
      textFile('plan.txt', 'y'.repeat(4_000)),
    );
    const item = () => canvasElement.querySelector('[data-filedock-upload]');
    await waitFor(() => expect(item()).toHaveAttribute('data-phase', 'uploading'));
    await waitFor(() =>
      expect(canvas.getByRole('progressbar', { name: 'Upload of plan.txt' })).toHaveAttribute(
        'aria-valuenow',
        '50',
      ),
    );
    currentClient?.control.setPaused(false);
    await waitFor(() => expect(item()).toHaveAttribute('data-phase', 'completed'));
    await waitFor(() => expect(names(canvasElement)).toEqual(['plan.txt']));
  },
};

export const LlamaCloudPurposeRules: Story = {
  name: 'LlamaCloud: the uploader takes the client’s purpose rules',
  render: () => <FileUploader purpose="extract" />,
  parameters: memory({ service: 'llamacloud' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Any file up to 100 MB')).toBeVisible();
  },
};

export const XaiRules: Story = {
  name: 'xAI: the uploader takes the client’s rules (no purpose)',
  render: () => <FileUploader />,
  parameters: memory({ service: 'xai' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Any file up to 50 MB')).toBeVisible();
  },
};
