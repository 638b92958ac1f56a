import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { FileStatus } from '../src/core/api/schemas.js';
import { FileList } from '../src/index.js';
import type { MemoryFileSeed } from '../src/testing/index.js';
import { MemoryProvider, withMemoryClient, type MemoryParameters } from './support.js';

const meta = {
  title: 'FileList',
  component: FileList,
  decorators: [withMemoryClient],
  args: { labels: { timeZone: 'UTC' } },
} satisfies Meta<typeof FileList>;
export default meta;
type Story = StoryObj<typeof meta>;

const T0 = Date.parse('2026-11-01T12:00:00.000Z');
const files = (
  count: number,
  status: (i: number) => FileStatus = () => 'COMPLETED',
): MemoryFileSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `fil_${String(i).padStart(4, '0')}`,
    filename: `quarterly-report-${i + 1}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: 40_000 * (i + 1),
    createdAt: new Date(T0 + i * 3_600_000).toISOString(),
    status: status(i),
  }));
const memory = (options: MemoryParameters) => ({ memory: options });
const rows = (root: HTMLElement) => root.querySelectorAll('tr[data-file-id]');

export const Loading: Story = {
  // The list call answers after a day: the loading state holds.
  parameters: memory({ latencyMs: 86_400_000 }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading files…');
  },
};

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No files yet')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: memory({ faults: [{ route: 'list', status: 503, times: Infinity }] }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'The service is unavailable right now.',
    );
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const OnePage: Story = {
  parameters: memory({ files: files(6) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(6));
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Page 1 of 1')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await expect(
      canvas.getByRole('button', { name: 'Download quarterly-report-6.pdf' }),
    ).toBeVisible();
  },
};

export const ManyPages: Story = {
  parameters: memory({ files: files(60) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(25));
    await expect(canvas.getByText('Page 1 of 3')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(canvas.getByText('Page 3 of 3')).toBeVisible());
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(10));
    await expect(canvas.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

const STATUSES: FileStatus[] = ['COMPLETED', 'PENDING', 'CANCELLED', 'EXPIRED'];

export const EveryStatus: Story = {
  parameters: memory({ files: files(4, (i) => STATUSES[i]!) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(4));
    const seen = [...rows(canvasElement)]
      .map((tr) => tr.querySelector('[data-status]')?.getAttribute('data-status'))
      .sort();
    await expect(seen).toEqual([...STATUSES].sort());
    await expect(within(canvasElement).getAllByRole('button', { name: /^Download / })).toHaveLength(
      1,
    );
  },
};

export const DarkTheme: Story = {
  args: { theme: 'dark', labels: { timeZone: 'UTC' } },
  parameters: memory({ files: files(4, (i) => STATUSES[i]!) }),
  play: EveryStatus.play!,
};

export const Unstyled: Story = {
  args: { unstyled: true, labels: { timeZone: 'UTC' } },
  parameters: memory({ files: files(3) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(3));
    await expect(canvasElement.querySelector('[data-filedock-file-list]')).not.toHaveClass(
      'filedock',
    );
  },
};

export const CustomLabels: Story = {
  name: 'Custom labels (German)',
  args: {
    labels: {
      locale: 'de',
      timeZone: 'UTC',
      list: {
        caption: 'Dateien',
        name: 'Name',
        size: 'Größe',
        created: 'Erstellt',
        status: 'Status',
        actions: 'Aktionen',
        download: (n) => `${n} herunterladen`,
        previous: 'Vorherige Seite',
        next: 'Nächste Seite',
        pagination: 'Seiten',
        pageOf: (p, c) => (c ? `Seite ${p} von ${c}` : `Seite ${p}`),
      },
      status: {
        COMPLETED: 'Fertig',
        PENDING: 'Ausstehend',
        CANCELLED: 'Abgebrochen',
        EXPIRED: 'Abgelaufen',
      },
    },
  },
  parameters: memory({ files: files(30) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Seite 1 von 2')).toBeVisible());
    await expect(canvas.getByRole('button', { name: 'Nächste Seite' })).toBeEnabled();
    await expect(canvas.getAllByText('Fertig')).toHaveLength(25);
    // Sizes in the German format: decimal comma.
    await expect(
      canvasElement.querySelector('.filedock-cell-size')?.textContent?.replace(/\s/g, ' '),
    ).toMatch(/^\d+,\d MB$/);
  },
};

/** Loading, empty, error and ready at once, each over its own in-memory server. */
export const StateMatrix: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      {(
        [
          ['loading', { latencyMs: 86_400_000 }],
          ['empty', {}],
          ['error', { faults: [{ route: 'list', status: 500, times: Infinity }] }],
          ['ready', { files: files(3, (i) => STATUSES[i]!) }],
        ] as const
      ).map(([name, options]) => (
        <section key={name} aria-label={name}>
          <MemoryProvider options={options as MemoryParameters}>
            <FileList {...args} />
          </MemoryProvider>
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = () =>
      [...canvasElement.querySelectorAll('[data-filedock-file-list]')].map((el) =>
        el.getAttribute('data-state'),
      );
    await waitFor(() => expect(states()).toEqual(['loading', 'empty', 'error', 'ready']));
  },
};
