import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createLightfieldClient,
  FileList,
  FilesProvider,
  FileUploader,
  PURPOSES,
} from '../src/index.js';
import '../src/components/styles.css';
import { FaultPanel } from './faults.js';

const apiUrl: string = import.meta.env.FILEDOCK_API_URL ?? 'http://127.0.0.1:4010';

// The reference server accepts any bearer token. A real app points baseURL at its own backend
// route, which adds the secret key server-side: no key ever reaches the browser.
const client = createLightfieldClient({
  baseURL: apiUrl,
  headers: { Authorization: 'Bearer local-dev' },
});

function App() {
  return (
    <FilesProvider client={client}>
      <main style={{ maxWidth: 960, margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
        <h1>filedock</h1>
        <p>
          Talking to the reference server at <code>{apiUrl}</code>.
        </p>
        <FaultPanel apiUrl={apiUrl} />
        {PURPOSES.map((purpose) => (
          <section key={purpose} aria-labelledby={`h-${purpose}`}>
            <h2 id={`h-${purpose}`}>{purpose}</h2>
            <FileUploader purpose={purpose} />
          </section>
        ))}
        <section aria-labelledby="h-files">
          <h2 id="h-files">Files</h2>
          <FileList />
        </section>
      </main>
    </FilesProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
