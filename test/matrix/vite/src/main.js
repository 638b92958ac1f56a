// The README's Quick start as a plain-JS app (no JSX, so every bundler takes it unconfigured).
// The API's URL comes from `?api=` so one build serves any reference-server port.
import { createLightfieldClient, FileList, FilesProvider, FileUploader } from 'filedock';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import 'filedock/styles.css';

const client = createLightfieldClient({
  baseURL: new URLSearchParams(location.search).get('api') ?? 'http://127.0.0.1:4010',
  headers: { Authorization: 'Bearer sk_lf_matrix' },
});

createRoot(document.getElementById('root')).render(
  h(FilesProvider, { client }, h(FileUploader, { purpose: 'knowledge_workspace' }), h(FileList)),
);
