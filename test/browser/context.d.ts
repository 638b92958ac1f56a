export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Lightfield reference server started by test/browser/global-setup.ts. */
    serverUrl: string;
    /** Base URL of each reference server started by test/browser/global-setup.ts. */
    serverUrls: Record<'lightfield' | 'llamacloud' | 'xai', string>;
  }
}
