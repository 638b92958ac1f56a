export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the reference server started by test/e2e/global-setup.ts (control endpoint on). */
    e2eApiUrl: string;
    /** Origin of the Vite server that serves test/e2e/app (another origin than the API). */
    e2eAppUrl: string;
  }
}
