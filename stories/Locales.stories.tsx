import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Locale } from '../src/components/labels.js';
import { FileList, FileUploader } from '../src/index.js';
import { STORY_LOCALES } from './locales.js';
import { MemoryProvider, phases, textFile } from './support.js';

/**
 * The uploader and the list in a shipped locale (`filedock/locales/<tag>`), busy: an upload held
 * at 40 %, one the server refused, one refused before sending, and a page of files. The RTL
 * stories (ar, he) mirror; the CJK one shows the font fallback and full-width punctuation. The
 * toolbar's Locale switcher applies to every other story.
 */
const meta = { title: 'Locales' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const T0 = Date.parse('2026-11-01T12:00:00.000Z');

function Showcase({ labels }: { labels: Locale }) {
  return (
    <MemoryProvider
      options={{
        labels: { ...labels, timeZone: 'UTC' },
        pauseAt: { phase: 'uploading', percent: 40 },
        faults: [{ route: 'create', status: 403, filename: 'denied.txt' }],
        files: ['quarterly-report.pdf', 'تقرير-الربع.pdf', 'notes (v2).md'].map((filename, i) => ({
          id: `file_${i}`,
          filename,
          sizeBytes: 1_500_000 * (i + 1),
          createdAt: new Date(T0 + i * 3_600_000).toISOString(),
          status: 'COMPLETED' as const,
        })),
      }}
    >
      <div style={{ display: 'grid', gap: 16, maxWidth: 680 }}>
        <FileUploader purpose="knowledge_user" />
        <FileList limit={2} />
      </div>
    </MemoryProvider>
  );
}

const showcase = (tag: string): Story => {
  const labels = STORY_LOCALES[tag]?.labels as Locale;
  return {
    name: STORY_LOCALES[tag]?.title,
    render: () => <Showcase labels={labels} />,
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent
        .setup({ applyAccept: false })
        .upload(canvas.getByLabelText(labels.dropzone.input), [
          textFile('held.txt', 'x'.repeat(1000)),
          textFile('denied.txt'),
          new File(['x'], 'photo.png', { type: 'image/png' }),
        ]);
      await waitFor(() =>
        expect(phases(canvasElement).sort()).toEqual(['failed', 'rejected', 'uploading']),
      );
      await expect(
        canvas.getByRole('button', { name: labels.item.cancel('held.txt') }),
      ).toBeVisible();
      await expect(await canvas.findByRole('button', { name: labels.list.next })).toBeEnabled();
      const uploader = canvasElement.querySelector('[data-filedock-uploader]');
      await expect(uploader).toHaveAttribute('dir', labels.dir);
      await expect(uploader).toHaveAttribute('lang', labels.locale);
    },
  };
};

/** Arabic, right to left: progress fills from the right, actions and pagination mirror. */
export const RightToLeftArabic = showcase('ar');
/** Hebrew, right to left. */
export const RightToLeftHebrew = showcase('he');
/** Japanese: CJK text, full-width punctuation, the 件 counter. */
export const Japanese = showcase('ja');
/** Simplified Chinese. */
export const ChineseSimplified = showcase('zh-CN');
/** Polish: the one/few/many plural forms in the total line. */
export const Polish = showcase('pl');
