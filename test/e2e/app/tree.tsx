/**
 * What the test page renders, using only filedock's public API. Shared by the browser entries and
 * the SSR test (which renders it to a string in Node), so the hydrated tree is the same one.
 */
import {
  createLightfieldClient,
  createLlamaCloudClient,
  createXaiClient,
  FileList,
  FilesProvider,
  type FilesClientLike,
  FileUploader,
} from 'filedock';
import type { PageConfig } from './config.js';

export type Client = FilesClientLike;

/** The client of the page's `service` (Lightfield by default), against its reference server. */
export function makeClient(config: PageConfig): Client {
  // The reference servers take any bearer token; a real app would go through its own backend
  // route, which holds the key.
  const options = { baseURL: config.api, headers: { Authorization: 'Bearer e2e-page' } };
  switch (config.service) {
    case 'llamacloud':
      return createLlamaCloudClient(options);
    case 'xai':
      return createXaiClient(options);
    default:
      return createLightfieldClient(options);
  }
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
