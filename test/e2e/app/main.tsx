import 'filedock/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readConfig } from './config.js';
import { makeClient, Tree } from './tree.js';

const config = readConfig(window.location.search);
const app = <Tree client={makeClient(config)} config={config} />;
createRoot(document.getElementById('root')!).render(
  config.strict ? <StrictMode>{app}</StrictMode> : app,
);
