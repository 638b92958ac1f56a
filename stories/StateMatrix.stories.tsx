import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { FileStatus } from '../src/core/api/schemas.js';
import type { Upload, UploadPhase } from '../src/core/upload/types.js';
import { ProgressBar, StatusBadge, UploadItem } from '../src/index.js';

/**
 * Every state of the building blocks side by side, from plain records: the phases that only
 * last an instant with a real engine (`hashing`, `creating`) are held here.
 */
const meta = { title: 'State matrix' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const PHASES: UploadPhase[] = [
  'queued',
  'hashing',
  'creating',
  'uploading',
  'completing',
  'completed',
  'failed',
  'cancelled',
  'rejected',
];
const STATUSES: FileStatus[] = ['PENDING', 'COMPLETED', 'CANCELLED', 'EXPIRED'];
const PERCENT: Record<UploadPhase, number> = {
  queued: 0,
  hashing: 100,
  creating: 0,
  uploading: 40,
  completing: 100,
  completed: 100,
  failed: 60,
  cancelled: 30,
  rejected: 0,
  interrupted: 35, // shown in the Resume stories
};

function uploadIn(phase: UploadPhase): Upload {
  const file = new File(['x'.repeat(2_500_000)], `${phase}.pdf`, { type: 'application/pdf' });
  const percent = PERCENT[phase];
  const loaded = Math.round((file.size * percent) / 100);
  return {
    localId: `local-${phase}`,
    file,
    purpose: 'knowledge_workspace',
    phase,
    progress: {
      loaded,
      total: file.size,
      percent,
      bytesPerSecond: phase === 'uploading' ? 1_250_000 : 0,
      etaSeconds: phase === 'uploading' ? 2 : undefined,
    },
    serverFile: undefined,
    error:
      phase === 'failed'
        ? { code: 'network', message: 'The connection was lost.' }
        : phase === 'rejected'
          ? { code: 'file-invalid-type', message: 'PDF only.' }
          : undefined,
    rejection:
      phase === 'rejected'
        ? {
            file,
            errors: [
              {
                code: 'file-invalid-type',
                message: 'Only PDF, Markdown and Word files are accepted.',
              },
            ],
          }
        : undefined,
    md5: undefined,
    attempts: 0,
    addedAt: 0,
  };
}

const noop = (): void => undefined;

export const UploadItems: Story = {
  render: () => (
    <div className="filedock">
      <ul className="filedock-list" aria-label="Every upload phase">
        {PHASES.map((phase) => (
          <UploadItem
            key={phase}
            upload={uploadIn(phase)}
            cancel={noop}
            retry={noop}
            remove={noop}
          />
        ))}
      </ul>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const items = [...canvasElement.querySelectorAll('[data-filedock-upload]')];
    await expect(items.map((li) => li.getAttribute('data-phase'))).toEqual(PHASES);
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Checking')).toHaveAttribute('data-status', 'hashing');
    await expect(
      canvas.getByRole('progressbar', { name: 'Upload of uploading.pdf' }),
    ).toHaveAttribute('aria-valuenow', '40');
    await expect(canvas.getByText(/MB\/s · 2 sec left/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Retry upload of failed.pdf' })).toBeVisible();
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'rejected.pdf was not added: Only PDF, Markdown and Word files are accepted.',
    );
  },
};

export const UploadItemsDark: Story = {
  ...UploadItems,
  render: () => (
    <div className="filedock" data-theme="dark">
      <ul className="filedock-list" aria-label="Every upload phase">
        {PHASES.map((phase) => (
          <UploadItem
            key={phase}
            upload={uploadIn(phase)}
            cancel={noop}
            retry={noop}
            remove={noop}
          />
        ))}
      </ul>
    </div>
  ),
};

export const StatusBadges: Story = {
  render: () => (
    <div className="filedock" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {[...STATUSES, ...PHASES].map((status) => (
        <StatusBadge key={status} status={status} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const badges = [...canvasElement.querySelectorAll('[data-status]')];
    await expect(badges.map((b) => b.getAttribute('data-status'))).toEqual([
      ...STATUSES,
      ...PHASES,
    ]);
    await expect(badges.every((b) => (b.textContent ?? '').length > 0)).toBe(true);
  },
};

export const ProgressBars: Story = {
  render: () => (
    <div className="filedock">
      {[0, 25, 50, 75, 100].map((value) => (
        <ProgressBar key={value} value={value} label={`At ${value}`} />
      ))}
      <ProgressBar value={0} label="Unknown" indeterminate />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const bars = within(canvasElement).getAllByRole('progressbar');
    await expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual([
      '0',
      '25',
      '50',
      '75',
      '100',
      null,
    ]);
    await expect(bars[2]).toHaveAttribute('aria-valuetext', '50%');
  },
};
