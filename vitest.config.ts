import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { CHROMIUM_ONLY_E2E } from './test/e2e/support/engines.js';

const chromium = playwright({
  launchOptions: {
    executablePath: process.env.FILEDOCK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  },
});

/**
 * Browser mode for the `browser` and `storybook` projects: Debian's Chromium, headless. A fresh
 * object per project: vitest writes each project's name into its `instances` entries.
 */
const headlessChromium = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
});

/**
 * End to end: a driver per engine (test/e2e/support/drivers: playwright-core for Debian's
 * Chromium, puppeteer-core over WebDriver BiDi for firefox-esr, webdriverio for WebKitGTK's
 * WebKitWebDriver) against a test page (Vite, one origin) that uploads to the reference server
 * (another origin). The project's name picks the engine; see test/e2e/global-setup.ts.
 */
const e2eProject = (
  name: 'e2e' | 'e2e-firefox' | 'e2e-webkit',
): TestProjectInlineConfiguration => ({
  extends: true,
  resolve: {
    alias: [
      {
        find: /^filedock$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
      {
        find: /^filedock\/styles\.css$/,
        replacement: fileURLToPath(new URL('./src/components/styles.css', import.meta.url)),
      },
    ],
  },
  test: {
    name,
    environment: 'node',
    include: ['test/e2e/**/*.test.ts', 'test/e2e/**/*.test.tsx'],
    // Files still on Playwright's Page API run in Chromium only (reasons in CHROMIUM_ONLY_E2E).
    ...(name === 'e2e' ? {} : { exclude: Object.keys(CHROMIUM_ONLY_E2E) }),
    globalSetup: ['test/e2e/global-setup.ts'],
    // One reference server and one page server for every file; tests reset the server.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  plugins: [react()],
  test: {
    // The reliability reporter rewrites RELIABILITY.md after a full run (never after a partial one).
    reporters: [
      'default',
      './test/report/reliability-reporter.ts',
      './test/report/summary-reporter.ts',
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts', 'test/node/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.ts', 'test/dom/**/*.test.tsx'],
          setupFiles: ['test/dom/setup.ts'],
          typecheck: {
            enabled: true,
            include: ['test/types/**/*.test-d.ts', 'test/types/**/*.test-d.tsx'],
            // Source type errors are `npm run typecheck`'s job; here only the type assertions count.
            ignoreSourceErrors: true,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
          globalSetup: ['test/browser/global-setup.ts', 'test/browser/aux-setup.ts'],
          // One reference server serves every browser test file, and several reset it or read
          // its request log: run the files one after another.
          fileParallelism: false,
          browser: headlessChromium(),
        },
      },
      {
        extends: true,
        // Every story is a test: it renders, its play function runs, and axe (addon-a11y, test: 'error') checks it.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: headlessChromium(),
        },
      },
      // End to end, once per engine: the same files in Chromium, Firefox and WebKit.
      e2eProject('e2e'),
      e2eProject('e2e-firefox'),
      e2eProject('e2e-webkit'),
    ],
  },
});
