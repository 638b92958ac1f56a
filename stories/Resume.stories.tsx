import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { ErrorInfo } from '../src/core/errors.js';
import type { InterruptionReason, Upload, UploadPhase } from '../src/core/upload/types.js';
import { UploadItem } from '../src/index.js';

/**
 * Resume after a reload (#13), one state per story, from plain records: what an upload looks
 * like when the page comes back and the upload waits for the file, a click or another tab, when
 * the file chosen again was another one, and while it continues.
 */
const meta = { title: 'Resume after reload' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const SIZE = 48 * 1024 * 1024;

function restored(
  phase: UploadPhase,
  interruption?: InterruptionReason,
  error?: ErrorInfo,
  percent = 0,
): Upload {
  // A restored record's file is a stand-in without bytes; its size is the journaled one.
  const file = new File([], 'board-minutes.pdf', { type: 'application/pdf' });
  const loaded = Math.round((SIZE * percent) / 100);
  return {
    localId: `local-${phase}-${interruption ?? 'none'}`,
    file,
    purpose: 'knowledge_workspace',
    phase,
    progress: {
      loaded,
      total: SIZE,
      percent,
      bytesPerSecond: phase === 'uploading' ? 2_400_000 : 0,
      etaSeconds: phase === 'uploading' ? 12 : undefined,
    },
    serverFile: undefined,
    error,
    rejection: undefined,
    md5: undefined,
    attempts: 0,
    addedAt: 0,
    ...(interruption ? { interruption } : {}),
  };
}

function Item({ upload, resume }: { upload: Upload; resume?: () => void }) {
  return (
    <div className="filedock">
      <ul className="filedock-list" aria-label="Uploads">
        <UploadItem
          upload={upload}
          cancel={fn()}
          retry={fn()}
          remove={fn()}
          supply={fn()}
          resume={resume ?? fn()}
        />
      </ul>
    </div>
  );
}

/** A large file after a reload: its bytes left with the page, so it asks to be chosen again. */
export const Interrupted: Story = {
  render: () => <Item upload={restored('interrupted', 'choose-again')} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const li = canvasElement.querySelector('[data-filedock-upload]');
    await expect(li).toHaveAttribute('data-phase', 'interrupted');
    await expect(li).toHaveAttribute('data-interruption', 'choose-again');
    // The interrupted-upload UI loads on first use.
    await expect(
      await canvas.findByRole('button', { name: 'Choose board-minutes.pdf again' }),
    ).toBeVisible();
    await expect(canvas.getByText(/Choose it again to continue/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Remove board-minutes.pdf' })).toBeVisible();
  },
};

/** The file chosen again was another one: refused before a byte was sent. */
export const Mismatch: Story = {
  render: () => (
    <Item
      upload={restored('interrupted', 'choose-again', {
        code: 'file-mismatch',
        message:
          'minutes-draft.pdf is not the file that was being uploaded as board-minutes.pdf (different content). Nothing was uploaded.',
      })}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const li = canvasElement.querySelector('[data-filedock-upload]');
    await expect(li).toHaveAttribute('data-error-code', 'file-mismatch');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Nothing was uploaded.');
    await expect(
      canvas.getByRole('button', { name: 'Choose board-minutes.pdf again' }),
    ).toBeVisible();
  },
};

const resume = fn();

/** A kept file handle (File System Access): one click grants read access again and continues. */
export const NeedsPermission: Story = {
  render: () => <Item upload={restored('interrupted', 'permission')} resume={resume} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-filedock-upload]')).toHaveAttribute(
      'data-interruption',
      'permission',
    );
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Resume upload of board-minutes.pdf' }),
    );
    await expect(resume).toHaveBeenCalledTimes(1);
  },
};

/** Another tab is uploading it: shown, with nothing to click here. */
export const InAnotherTab: Story = {
  render: () => <Item upload={restored('interrupted', 'elsewhere')} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('board-minutes.pdf is being uploaded in another tab.'),
    ).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Continuing by itself after the reload (a small file, or the same session reused). */
export const Resuming: Story = {
  render: () => <Item upload={restored('uploading', undefined, undefined, 62)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('progressbar', { name: 'Upload of board-minutes.pdf' }),
    ).toHaveAttribute('aria-valuenow', '62');
    await expect(
      canvas.getByRole('button', { name: 'Cancel upload of board-minutes.pdf' }),
    ).toBeVisible();
  },
};
