// The README's Quick start as a plain-JS app (no JSX, so every bundler takes it unconfigured).
// The API's URL comes from `?api=` so one build serves any reference-server port; `?md5Worker=`
// is the self-hosted Worker recipe (README, "Bundlers and frameworks").
import {
  createLightfieldClient,
  FileList,
  FilesProvider,
  FileUploader,
  setMd5WorkerUrl,
} from 'filedock';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import 'filedock/styles.css';

const params = new URLSearchParams(location.search);
const md5Worker = params.get('md5Worker');
if (md5Worker) setMd5WorkerUrl(md5Worker);

const client = createLightfieldClient({
  baseURL: params.get('api') ?? 'http://127.0.0.1:4010',
  headers: { Authorization: 'Bearer sk_lf_matrix' },
});

createRoot(document.getElementById('root')).render(
  h(FilesProvider, { client }, h(FileUploader, { purpose: 'knowledge_workspace' }), h(FileList)),
);
