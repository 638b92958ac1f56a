import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { FiledockLabelsInput } from '../src/components/labels.js';
import { createLightfieldClient, FilesProvider, FileUploader } from '../src/index.js';
import { phases, textFile, withMemoryClient } from './support.js';

const meta = {
  title: 'FileUploader/Variants',
  component: FileUploader,
  decorators: [withMemoryClient],
  args: { purpose: 'knowledge_workspace' },
} satisfies Meta<typeof FileUploader>;
export default meta;
type Story = StoryObj<typeof meta>;

const pick = (root: HTMLElement, label: string, files: File[]) =>
  userEvent.setup({ applyAccept: false }).upload(within(root).getByLabelText(label), files);

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: {
    memory: { faults: [{ route: 'put', status: 403, filename: 'denied.txt' }] },
    backgrounds: { default: 'dark' },
  },
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'Choose files to upload', [
      textFile('fine.txt'),
      textFile('denied.txt'),
      new File(['x'], 'x.png', { type: 'image/png' }),
    ]);
    await waitFor(() => expect(phases(canvasElement)).toEqual(['completed', 'failed', 'rejected']));
    await expect(canvasElement.querySelector('[data-filedock-uploader]')).toHaveAttribute(
      'data-theme',
      'dark',
    );
  },
};

export const Unstyled: Story = {
  args: { unstyled: true, className: 'my-uploader' },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('[data-filedock-uploader]')!;
    await expect(root).toHaveClass('my-uploader');
    await expect(root).not.toHaveClass('filedock');
    // No default style: the drop area has no dashed border.
    await expect(getComputedStyle(root.querySelector('.filedock-dropzone-area')!).borderStyle).toBe(
      'none',
    );
  },
};

const french: FiledockLabelsInput = {
  locale: 'fr',
  dropzone: {
    label: 'Envoyer des fichiers',
    input: 'Choisir des fichiers à envoyer',
    idle: 'Glissez des fichiers ici ou cliquez pour parcourir',
    accept: 'Déposez pour envoyer',
    reject: 'Certains fichiers ne peuvent pas être envoyés ici',
    disabled: 'L’envoi est désactivé',
    help: ({ types, maxSize }) => `${types.join(', ')} jusqu’à ${maxSize}`,
  },
  uploader: {
    list: 'Envois',
    totalProgress: 'Progression totale',
    totalSummary: ({ done, count, percent }) => `${done} sur ${count} terminés · ${percent}`,
  },
  item: {
    progress: (n) => `Envoi de ${n}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} sur ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · ${eta} restantes` : speed),
    storedAs: (s) => `enregistré sous ${s}`,
    cancel: (n) => `Annuler l’envoi de ${n}`,
    retry: (n) => `Réessayer l’envoi de ${n}`,
    remove: (n) => `Retirer ${n}`,
    rejected: (n, r) => `${n} n’a pas été ajouté : ${r}`,
  },
  announce: {
    completed: (n) => `${n} envoyé.`,
    failed: (n, r) => `Échec de l’envoi de ${n} : ${r}`,
  },
  phase: {
    queued: 'En attente',
    hashing: 'Vérification',
    creating: 'Démarrage',
    uploading: 'Envoi',
    completing: 'Finalisation',
    completed: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
    rejected: 'Refusé',
  },
  errors: { 'file-invalid-type': 'Ce type de fichier n’est pas accepté.' },
};

export const CustomLabels: Story = {
  name: 'Custom labels (French)',
  parameters: { memory: { labels: french } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^Envoyer des fichiers/ })).toBeVisible();
    await expect(canvas.getByText(/jusqu’à 100 Mo$/)).toBeVisible();
    await pick(canvasElement, 'Choisir des fichiers à envoyer', [
      textFile('note.txt'),
      new File(['x'], 'x.png', { type: 'image/png' }),
    ]);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'x.png n’a pas été ajouté : Ce type de fichier n’est pas accepté.',
    );
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Retirer note.txt' })).toBeVisible(),
    );
    await expect(canvas.getByText('Envoyé')).toHaveAttribute('data-status', 'completed');
  },
};

/** Talks to the reference server started by `npm run dev`; not part of the test run. */
export const Live: Story = {
  tags: ['!test'],
  decorators: [
    (Story) => (
      <FilesProvider
        client={createLightfieldClient({
          baseURL: 'http://127.0.0.1:4010',
          headers: { Authorization: 'Bearer local-dev' },
        })}
      >
        <Story />
      </FilesProvider>
    ),
  ],
};
