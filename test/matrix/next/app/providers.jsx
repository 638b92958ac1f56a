'use client';
// The one client module the app writes: a client object cannot cross from the server, so it is
// made here, pointed at the app's own proxy route. FileUploader and FileList are rendered by the
// (server) page itself.
import { createLightfieldClient, FilesProvider } from 'filedock';
import { useState } from 'react';

export function Providers({ children }) {
  const [client] = useState(() => createLightfieldClient({ baseURL: '/api/lightfield' }));
  return <FilesProvider client={client}>{children}</FilesProvider>;
}
