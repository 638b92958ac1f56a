import type { Preview } from '@storybook/react-vite';
import '../src/components/styles.css';
import { STORY_LOCALES } from '../stories/locales.js';

const preview: Preview = {
  // The toolbar's locale switcher: every story under a memory client shows its labels (the
  // stories' own play functions assert English, so they run with the default).
  globalTypes: {
    locale: {
      description: 'filedock locale (labels, Intl formats, direction)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(STORY_LOCALES).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    layout: 'padded',
    a11y: {
      // Violations fail the story's test.
      test: 'error',
      // `region` judges a page's landmarks; a story shows one component outside any page.
      config: { rules: [{ id: 'region', enabled: false }] },
    },
  },
};

export default preview;
