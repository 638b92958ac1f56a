import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { defaultPurposeRules } from '../src/core/rules/purposes.js';
import { FileUploader } from '../src/index.js';
import {
  currentClient,
  phases,
  textFile,
  transferOf,
  withMemoryClient,
  type MemoryParameters,
} from './support.js';

const meta = {
  title: 'FileUploader',
  component: FileUploader,
  decorators: [withMemoryClient],
  args: { purpose: 'knowledge_workspace' },
} satisfies Meta<typeof FileUploader>;
export default meta;
type Story = StoryObj<typeof meta>;

const memory = (options: MemoryParameters) => ({ memory: options });
// `applyAccept: false`: a refused type must reach the uploader, which reports it (a drop can carry one).
const pickFiles = async (canvasElement: HTMLElement, files: File[]) =>
  userEvent
    .setup({ applyAccept: false })
    .upload(within(canvasElement).getByLabelText('Choose files to upload'), files);
const itemNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLElement>('[data-filedock-upload]')].find(
    (li) => li.querySelector('.filedock-item-name')?.textContent === name,
  );

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^Upload files/ })).toBeVisible();
    await expect(canvas.getByText(/up to 100 MB$/)).toBeVisible();
    await expect(phases(canvasElement)).toEqual([]);
  },
};

export const DragAccept: Story = {
  play: async ({ canvasElement }) => {
    const area = within(canvasElement).getByRole('button', { name: /^Upload files/ });
    area.dispatchEvent(
      new DragEvent('dragenter', {
        bubbles: true,
        dataTransfer: transferOf([new File(['x'], 'a.pdf', { type: 'application/pdf' })]),
      }),
    );
    await waitFor(() => expect(area).toHaveAttribute('data-drag-accept'));
    await expect(area).toHaveTextContent('Drop to upload');
  },
};

export const DragReject: Story = {
  play: async ({ canvasElement }) => {
    const area = within(canvasElement).getByRole('button', { name: /^Upload files/ });
    area.dispatchEvent(
      new DragEvent('dragenter', {
        bubbles: true,
        dataTransfer: transferOf([new File(['x'], 'a.png', { type: 'image/png' })]),
      }),
    );
    await waitFor(() => expect(area).toHaveAttribute('data-drag-reject'));
    await expect(area).toHaveTextContent('cannot be uploaded here');
  },
};

const rejected = (
  name: string,
  files: () => File[],
  code: string,
  extra: Partial<Story> = {},
): Story => ({
  name,
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, files());
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert.closest('[data-filedock-upload]')).toHaveAttribute('data-error-code', code);
    // The alert names the refused file (the reason itself is checked by the code above).
    await expect(files().some((file) => alert.textContent?.includes(file.name))).toBe(true);
  },
  ...extra,
});

export const RejectedType = rejected(
  'Rejected: type',
  () => [new File(['x'], 'photo.png', { type: 'image/png' })],
  'file-invalid-type',
);
export const RejectedSize = rejected(
  'Rejected: size',
  () => [textFile('big.txt', 'x'.repeat(2048))],
  'file-too-large',
  {
    parameters: memory({
      rules: { knowledge_workspace: { ...defaultPurposeRules.knowledge_workspace, maxSize: 1024 } },
    }),
  },
);
export const RejectedEmpty = rejected(
  'Rejected: empty',
  () => [textFile('empty.txt', '')],
  'file-too-small',
);
export const RejectedTooMany = rejected(
  'Rejected: too many',
  () => [textFile('a.txt'), textFile('b.txt')],
  'too-many-files',
  {
    args: { maxFiles: 1 },
    play: async ({ canvasElement }) => {
      // The picker of a one-file uploader takes one file; a drop can carry more.
      const area = within(canvasElement).getByRole('button', { name: /^Upload files/ });
      const transfer = transferOf([textFile('a.txt'), textFile('b.txt')]);
      area.dispatchEvent(
        new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
      area.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
      const alert = await within(canvasElement).findByRole('alert');
      await expect(alert.closest('[data-filedock-upload]')).toHaveAttribute(
        'data-error-code',
        'too-many-files',
      );
    },
  },
);

export const RejectedMixed: Story = {
  name: 'Rejected: a mixed drop, in the order dropped',
  parameters: memory({
    rules: { knowledge_workspace: { ...defaultPurposeRules.knowledge_workspace, maxSize: 1024 } },
  }),
  play: async ({ canvasElement }) => {
    const area = within(canvasElement).getByRole('button', { name: /^Upload files/ });
    const transfer = transferOf([
      textFile('notes.txt'),
      new File(['x'], 'photo.png', { type: 'image/png' }),
      textFile('big.txt', 'x'.repeat(2048)),
      new File(['# title'], 'readme.md', { type: '' }),
    ]);
    area.dispatchEvent(
      new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
    area.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
    // Refused at the drop by react-dropzone, in filedock's words, between the accepted files.
    await waitFor(() =>
      expect(
        [...canvasElement.querySelectorAll<HTMLElement>('[data-filedock-upload]')].map((li) => [
          li.querySelector('.filedock-item-name')?.textContent,
          li.dataset.errorCode ?? '',
        ]),
      ).toEqual([
        ['notes.txt', ''],
        ['photo.png', 'file-invalid-type'],
        ['big.txt', 'file-too-large'],
        ['readme.md', ''],
      ]),
    );
    await expect(within(canvasElement).getAllByRole('alert')).toHaveLength(2);
  },
};

export const Queued: Story = {
  args: { concurrency: 1 },
  parameters: memory({ pauseAt: { phase: 'uploading', percent: 40 } }),
  // One lane: the first file uploads, the second's session is made while it does (so its PUT
  // follows without a round trip), and the third waits its turn.
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [
      textFile('first.txt'),
      textFile('second.txt'),
      textFile('third.txt'),
    ]);
    await waitFor(() => expect(phases(canvasElement)[0]).toBe('uploading'));
    await waitFor(() => expect(phases(canvasElement)[2]).toBe('queued'));
    await expect(
      within(itemNamed(canvasElement, 'third.txt')!).getByText('Queued'),
    ).toHaveAttribute('data-status', 'queued');
  },
};

const uploadingAt = (percent: number): Story => ({
  name: `Uploading ${percent}%`,
  parameters: memory({ pauseAt: { phase: 'uploading', percent } }),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('report.txt', 'x'.repeat(100))]);
    const bar = await within(canvasElement).findByRole('progressbar', {
      name: 'Upload of report.txt',
    });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', String(percent)));
    await expect(
      within(canvasElement).getByRole('button', { name: 'Cancel upload of report.txt' }),
    ).toBeVisible();
  },
});
export const Uploading0 = uploadingAt(0);
export const Uploading40 = uploadingAt(40);
export const Uploading90 = uploadingAt(90);

export const UploadingWithSpeed: Story = {
  name: 'Uploading with speed and time left',
  parameters: memory({ bytesPerSecond: 20_000, progressIntervalMs: 100 }),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('slow.txt', 'x'.repeat(2_000_000))]);
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.filedock-item-speed')?.textContent).toMatch(
          /\/s · .+ left$/,
        ),
      { timeout: 3000 },
    );
  },
};

export const Completing: Story = {
  parameters: memory({ pauseAt: { phase: 'completing' } }),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('almost.txt')]);
    await waitFor(() => expect(phases(canvasElement)).toEqual(['completing']));
    await expect(within(canvasElement).getByText('Finishing')).toHaveAttribute(
      'data-status',
      'completing',
    );
  },
};

export const Completed: Story = {
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('done.txt')]);
    await waitFor(() => expect(phases(canvasElement)).toEqual(['completed']));
    await expect(
      within(canvasElement).getByRole('button', { name: 'Remove done.txt' }),
    ).toBeVisible();
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-filedock-live]')).toHaveTextContent(
        'done.txt uploaded.',
      ),
    );
  },
};

const failed = (name: string, code: string, options: MemoryParameters): Story => ({
  name: `Failed: ${name}`,
  parameters: memory(options),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('doomed.txt')]);
    await waitFor(() => expect(phases(canvasElement)).toEqual(['failed']));
    await expect(itemNamed(canvasElement, 'doomed.txt')).toHaveAttribute('data-error-code', code);
    await expect(
      within(canvasElement).getByRole('button', { name: 'Retry upload of doomed.txt' }),
    ).toBeVisible();
  },
});
export const FailedNetwork = failed('network', 'network', {
  faults: [{ route: 'put', kind: 'drop', times: Infinity, retryAfterSeconds: 0 }],
});
export const FailedRateLimited = failed('429', 'rate-limited', {
  faults: [{ route: 'create', status: 429, times: Infinity, retryAfterSeconds: 0 }],
});
export const FailedStorage403 = failed('403 from storage', 'storage-rejected', {
  faults: [{ route: 'put', status: 403 }],
});
export const FailedInvalidResponse = failed('invalid response', 'invalid-response', {
  faults: [{ route: 'create', kind: 'malformed' }],
});
export const FailedChecksum = failed('checksum mismatch', 'checksum-mismatch', {
  faults: [{ route: 'complete', kind: 'checksum', times: Infinity }],
});

export const Cancelled: Story = {
  parameters: memory({ pauseAt: { phase: 'uploading', percent: 40 } }),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('stop.txt')]);
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Cancel upload of stop.txt' }),
    );
    await waitFor(() => expect(phases(canvasElement)).toEqual(['cancelled']));
  },
};

export const ExpiredAndRecovered: Story = {
  name: 'Expired and recovered',
  parameters: memory({ faults: [{ route: 'put', kind: 'expire' }] }),
  play: async ({ canvasElement }) => {
    await pickFiles(canvasElement, [textFile('late.txt')]);
    await waitFor(() => expect(phases(canvasElement)).toEqual(['completed']));
    await expect(
      currentClient?.control
        .list()
        .map((f) => f.status)
        .sort(),
    ).toEqual(['COMPLETED', 'EXPIRED']);
  },
};

export const TwentyFiles: Story = {
  name: '20 files',
  args: { concurrency: 4 },
  play: async ({ canvasElement }) => {
    await pickFiles(
      canvasElement,
      Array.from({ length: 20 }, (_, i) => textFile(`file-${i + 1}.txt`)),
    );
    await waitFor(
      () => expect(phases(canvasElement).filter((p) => p === 'completed')).toHaveLength(20),
      { timeout: 10_000 },
    );
    await expect(canvasElement.querySelector('.filedock-total-text')).toHaveTextContent(
      '20 of 20 files done',
    );
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const area = within(canvasElement).getByRole('button', { name: /^Upload files/ });
    await expect(area).toHaveAttribute('aria-disabled', 'true');
    await expect(area).toHaveTextContent('Uploading is disabled');
  },
};
