/**
 * Hydrates markup rendered in Node (the SSR test puts it in place of <!--ssr-outlet-->). Any
 * recoverable error, hydration mismatches included, is recorded in window.__errors.
 */
import 'filedock/styles.css';
import { hydrateRoot } from 'react-dom/client';
import { readConfig } from './config.js';
import { makeClient, Tree } from './tree.js';

declare global {
  interface Window {
    __errors: string[];
    __hydrated?: boolean;
  }
}

const config = readConfig(window.location.search);
hydrateRoot(
  document.getElementById('root')!,
  <Tree client={makeClient(config)} config={config} />,
  {
    onRecoverableError: (error) => {
      window.__errors.push(
        `recoverable: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  },
);
window.__hydrated = true;
