// The full widget: provider, uploader and list, as an app would render them.
import {
  createLightfieldClient,
  FileList,
  FilesProvider,
  FileUploader,
} from '../../../src/index.js';
export function App() {
  const client = createLightfieldClient({ baseURL: '/api' });
  return (
    <FilesProvider client={client}>
      <FileUploader purpose="knowledge_workspace" />
      <FileList />
    </FilesProvider>
  );
}
