// Hooks only: the app draws its own UI over useFileUpload and useFiles.
import {
  createLightfieldClient,
  FilesProvider,
  useFiles,
  useFileUpload,
} from '../../../src/index.js';
function Own() {
  const upload = useFileUpload({ purpose: 'knowledge_workspace' });
  const files = useFiles();
  return (
    <input
      type="file"
      data-n={files.totalCount}
      onChange={(event) => upload.add(event.target.files!)}
    />
  );
}
export function App() {
  return (
    <FilesProvider client={createLightfieldClient({ baseURL: '/api' })}>
      <Own />
    </FilesProvider>
  );
}
