/**
 * What the test page renders, using only filedock's public API. Shared by the browser entries and
 * the SSR test (which renders it to a string in Node), so the hydrated tree is the same one.
 */
import { createLightfieldClient, FileList, FilesProvider, FileUploader } from 'filedock';
import type { PageConfig } from './config.js';

export type Client = ReturnType<typeof createLightfieldClient>;

export function makeClient(config: PageConfig): Client {
  // The reference server takes any bearer token; a real app would go through its own backend
  // route, which holds the key.
  return createLightfieldClient({
    baseURL: config.api,
    headers: { Authorization: 'Bearer e2e-page' },
  });
}

export function Tree({ client, config }: { client: Client; config: PageConfig }) {
  return (
    <FilesProvider client={client}>
      <h1>filedock e2e</h1>
      <FileUploader
        {...(config.purpose === undefined ? {} : { purpose: config.purpose })}
        {...(config.maxFiles === undefined ? {} : { maxFiles: config.maxFiles })}
        checksum={config.checksum}
        resume={config.resume}
      />
      {config.list ? (
        <FileList {...(config.limit === undefined ? {} : { limit: config.limit })} />
      ) : null}
    </FilesProvider>
  );
}
