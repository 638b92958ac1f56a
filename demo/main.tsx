import { QueryClient } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FileList, FilesProvider, FileUploader } from '../src/index.js';
import '../src/components/styles.css';
import { FaultPanel } from './faults.js';
import { type DemoService, demoUser, SERVICES, serviceById } from './services.js';

// One QueryClient for every service: their cache entries are scoped per client, so switching
// back shows each service's list as it was.
const queryClient = new QueryClient();

const USERS = [
  { id: 'alice', label: 'Alice' },
  { id: 'bob', label: 'Bob' },
  { id: 'admin', label: 'Admin (sees every file, may use knowledge_workspace)' },
] as const;

function App() {
  const [service, setService] = useState(() =>
    serviceById(new URLSearchParams(location.search).get('service')),
  );
  const [user, setUser] = useState(demoUser.current);
  const signIn = (id: string) => {
    demoUser.current = id;
    // Another user's view: nothing cached for the previous one may show.
    queryClient.clear();
    setUser(id);
  };
  const choose = (next: DemoService) => {
    const url = new URL(location.href);
    url.searchParams.set('service', next.id);
    history.replaceState(null, '', url);
    setService(next);
  };

  return (
    <main style={{ maxWidth: 960, margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>filedock</h1>
      <fieldset>
        <legend>Service</legend>
        {SERVICES.map((s) => (
          <label key={s.id} style={{ marginInlineEnd: '1rem' }}>
            <input
              type="radio"
              name="service"
              value={s.id}
              checked={s.id === service.id}
              onChange={() => choose(s)}
            />{' '}
            {s.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Signed in as</legend>
        {USERS.map((u) => (
          <label key={u.id} style={{ marginInlineEnd: '1rem' }}>
            <input
              type="radio"
              name="user"
              value={u.id}
              checked={u.id === user}
              onChange={() => signIn(u.id)}
            />{' '}
            {u.label}
          </label>
        ))}
      </fieldset>
      <p>
        The page talks to the filedock proxy at <code>{service.apiUrl}</code>, which holds the{' '}
        {service.label} key and forwards to the reference server. Each user sees and handles only
        their own files.
      </p>
      <FaultPanel controlUrl={service.controlUrl} presets={service.faults} />
      {/* A key per service: each gets its own uploader (uploads under way go on in the background). */}
      <FilesProvider
        key={`${service.id}:${user}`}
        client={service.client}
        queryClient={queryClient}
      >
        <ServicePanel service={service} />
      </FilesProvider>
    </main>
  );
}

/** The service's purposes come from its client's own rule table; `none` is "no purpose". */
function ServicePanel({ service }: { service: DemoService }) {
  const purposes = Object.keys(service.client.rules ?? {}).filter((p) => p !== 'none');
  const [purpose, setPurpose] = useState<string>('');
  return (
    <>
      <section aria-labelledby="h-upload">
        <h2 id="h-upload">Upload</h2>
        {purposes.length > 0 ? (
          <label>
            Purpose{' '}
            <select value={purpose} onChange={(event) => setPurpose(event.target.value)}>
              <option value="">(none)</option>
              {purposes.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <FileUploader {...(purpose ? { purpose } : {})} />
      </section>
      <section aria-labelledby="h-files">
        <h2 id="h-files">Files</h2>
        <FileList />
      </section>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
