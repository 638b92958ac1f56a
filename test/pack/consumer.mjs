/**
 * The consumer app the pack smoke test installs the tarball into: a Vite + React page that does
 * exactly what the README's Quick start says, plus the Node-side probes (server entry, core
 * without React, SSR, type declarations). Everything here is plain text written to a temp dir.
 */

/** Versions pinned to the ones this repo develops against, so `--prefer-offline` hits the cache. */
export function consumerPackageJson(tarball, versions) {
  return {
    name: 'filedock-pack-smoke',
    private: true,
    type: 'module',
    dependencies: {
      filedock: `file:${tarball}`,
      react: versions.react,
      'react-dom': versions['react-dom'],
      '@tanstack/react-query': versions['@tanstack/react-query'],
    },
    devDependencies: {
      vite: versions.vite,
      '@vitejs/plugin-react': versions['@vitejs/plugin-react'],
      typescript: versions.typescript,
      '@types/react': versions['@types/react'],
      '@types/react-dom': versions['@types/react-dom'],
      '@types/node': versions['@types/node'],
    },
  };
}

export const files = {
  'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>filedock consumer</title></head>
<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>
`,
  // The README's Quick start, pointed at the reference server (which wants a bearer token, the
  // part a proxy route would add).
  'src/main.tsx': `import { createRoot } from 'react-dom/client';
import { createLightfieldClient, FilesProvider, FileUploader, FileList } from 'filedock';
import 'filedock/styles.css';

const client = createLightfieldClient({
  baseURL: import.meta.env.VITE_FILEDOCK_API,
  headers: { Authorization: 'Bearer sk_lf_pack_smoke' },
});

export function Knowledge() {
  return (
    <FilesProvider client={client}>
      <FileUploader purpose="knowledge_workspace" />
      <FileList />
    </FilesProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Knowledge />);
`,
  'src/vite-env.d.ts': `/// <reference types="vite/client" />\n`,
  'vite.config.js': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({ plugins: [react()], logLevel: 'warn', clearScreen: false });
`,

  // Node: the server entry in plain ESM.
  'probe-server.mjs': `import { createDevServer } from 'filedock/server';
const server = await createDevServer({ port: 0 });
const res = await fetch(server.url + '/v1/files', { headers: { authorization: 'Bearer x', 'lightfield-version': '2026-03-01' } });
await server.close();
if (res.status !== 200) throw new Error('GET /v1/files answered ' + res.status);
console.log('ok');
`,
  // Node: filedock/core must load with every React module unresolvable.
  'no-react-hooks.mjs': `export async function resolve(specifier, context, next) {
  if (/^(react|react-dom|@tanstack\\/react-query)(\\/|$)/.test(specifier)) {
    throw new Error('filedock/core imported ' + specifier);
  }
  return next(specifier, context);
}
`,
  'no-react.mjs': `import { register } from 'node:module';
register('./no-react-hooks.mjs', import.meta.url);
`,
  'probe-core.mjs': `const core = await import('filedock/core');
for (const name of ['createLightfieldClient', 'createUploadEngine', 'validateFile', 'computeMd5', 'FiledockError', 'defaultPurposeRules']) {
  if (!(name in core)) throw new Error('filedock/core lacks ' + name);
}
const md5 = await core.computeMd5(new Blob(['abc']));
if (md5 !== '900150983cd24fb0d6963f7d28e17f72') throw new Error('computeMd5 in Node gave ' + md5);
console.log('ok');
`,
  // Node: SSR of the Quick start tree from the installed package.
  'probe-ssr.mjs': `import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { createLightfieldClient, FilesProvider, FileUploader, FileList } from 'filedock';
const client = createLightfieldClient({ baseURL: 'http://127.0.0.1:9' });
const html = renderToString(h(FilesProvider, { client }, h(FileUploader, { purpose: 'knowledge_workspace' }), h(FileList)));
if (!/<input[^>]+type="file"/.test(html)) throw new Error('SSR markup has no file input: ' + html.slice(0, 300));
console.log('ok');
`,

  // Types: every entry, under both resolutions a consumer may use.
  'types/check.ts': `import { QueryClient, useQuery } from '@tanstack/react-query';
import {
  createLightfieldClient, FilesProvider, FileUploader, FileList, useFileUpload, useFiles,
  filesListQueryOptions, fileUrlQueryOptions, filesQueryKeys, type FileListProps,
} from 'filedock';
import { createUploadEngine, FiledockError, type FilePage, type FilesBackend } from 'filedock/core';
import { createDevServer } from 'filedock/server';
import { createMemoryClient } from 'filedock/testing';

const client = createLightfieldClient({ baseURL: 'http://127.0.0.1:4010' });
const created: Promise<{ uploadUrl: string }> = client.files.create({ filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 1 });
const backend: FilesBackend = client.backend;
const error = new FiledockError({ code: 'network', message: 'x' });
const code: string = error.code;
const server: Promise<{ url: string; close(): Promise<void> }> = createDevServer({ port: 0 });
const memory = createMemoryClient();
const listProps: FileListProps = { limit: 10 };
// @ts-expect-error concurrency is a number
const bad = { concurrency: '4' } satisfies Parameters<typeof useFileUpload>[0];

// The README's prefetch / invalidate recipes, and the data type carried by the keys.
const queryClient = new QueryClient();
const listOptions = filesListQueryOptions(client.backend, { offset: 0 });
void queryClient.prefetchQuery(listOptions);
void queryClient.invalidateQueries({ queryKey: filesQueryKeys.scoped(client.backend.scope).lists() });
const cached: FilePage | undefined = queryClient.getQueryData(listOptions.queryKey);
function useDownloadUrl(id: string): string | undefined {
  return useQuery(fileUrlQueryOptions(client.backend, id)).data?.url;
}
export { created, backend, code, server, memory, listProps, bad, cached, useDownloadUrl, FilesProvider, FileUploader, FileList, useFiles, createUploadEngine };
`,
  'types/tsconfig.bundler.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
    },
    files: ['check.ts'],
  }),
  'types/tsconfig.nodenext.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
    },
    files: ['check.ts'],
  }),
};
