import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  FileList,
  FilesProvider,
  FileUploader,
  ProgressBar,
  StatusBadge,
} from '../../../src/index.js';
import { createMemoryClient } from '../../../src/testing/index.js';

describe('server rendering', () => {
  it('calls nothing on the backend while rendering: data loads after hydration', () => {
    const client = createMemoryClient();
    const called: string[] = [];
    // Records every method reached through the backend, whatever the backend's shape.
    const watch = <T extends object>(target: T, path: string): T =>
      new Proxy(target, {
        get(object, key, receiver) {
          const value = Reflect.get(object, key, receiver);
          const name = `${path}.${String(key)}`;
          if (typeof value === 'function')
            return (...args: unknown[]) => {
              called.push(name);
              return value.apply(object, args);
            };
          return value && typeof value === 'object' ? watch(value, name) : value;
        },
      });
    const watched = { ...client, backend: watch(client.backend, 'backend') };
    const html = renderToString(
      <FilesProvider client={watched}>
        <FileUploader purpose="knowledge_user" />
        <FileList />
      </FilesProvider>,
    );
    expect(html).toContain('data-filedock-uploader');
    expect(called).toEqual([]);
  });

  it('renders FilesProvider + FileUploader + FileList to a string', () => {
    const client = createMemoryClient();
    const html = renderToString(
      <FilesProvider client={client}>
        <FileUploader purpose="knowledge_workspace" />
        <FileList />
      </FilesProvider>,
    );
    expect(html).toContain('data-filedock-uploader');
    expect(html).toContain('type="file"');
    // The help line comes from the purpose's rule.
    expect(html).toContain('up to 100 MB');
    expect(html).toContain('role="status"');
    // The list has no data on the server: its loading state is rendered.
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Loading files…');
  });

  it('takes labels from the provider on the server too', () => {
    const html = renderToString(
      <FilesProvider
        client={createMemoryClient()}
        labels={{ dropzone: { idle: 'Déposez des fichiers ici' } }}
      >
        <FileUploader />
      </FilesProvider>,
    );
    expect(html).toContain('Déposez des fichiers ici');
  });

  it('renders the standalone pieces outside a provider', () => {
    const html = renderToString(
      <>
        <StatusBadge status="COMPLETED" />
        <ProgressBar value={40} label="Upload of a.pdf" />
      </>,
    );
    expect(html).toContain('data-status="COMPLETED"');
    expect(html).toContain('>Completed<');
    expect(html).toContain('aria-valuenow="40"');
  });
});
