export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the reference server started by test/browser/global-setup.ts. */
    serverUrl: string;
  }
}
