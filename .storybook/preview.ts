import type { Preview } from '@storybook/react-vite';
import '../src/components/styles.css';

const preview: Preview = {
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
