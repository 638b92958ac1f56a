// @vitest-environment node
/**
 * Server rendering: no window, no document, no Worker. The hooks must render their empty state
 * and make no request and no upload engine.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FilesProvider, useFileUpload, useFileUrl, useFiles } from '../../../src/index.js';
import { FakeBackend } from './fake-backend.js';

function App() {
  const upload = useFileUpload({ purpose: 'knowledge_user' });
  const files = useFiles();
  const url = useFileUrl('file_1');
  return (
    <p>
      {`${upload.uploads.length} uploads, uploading: ${upload.isUploading}, page ${files.page}, ${files.status}, url ${url.data ? 'yes' : 'no'}`}
    </p>
  );
}

describe('server rendering', () => {
  it('renders without browser globals and sends no request', () => {
    expect(typeof window).toBe('undefined');
    const backend = new FakeBackend();
    const html = renderToString(
      <FilesProvider client={{ backend }}>
        <App />
      </FilesProvider>,
    );
    expect(html).toBe('<p>0 uploads, uploading: false, page 1, pending, url no</p>');
    expect(backend.calls).toHaveLength(0);
  });
});
