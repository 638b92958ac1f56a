import type { EngineName } from './support/engines.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the reference server started by test/e2e/global-setup.ts (control endpoint on). */
    e2eApiUrl: string;
    /** Base URL of each service's reference server (`lightfield` is `e2eApiUrl`), control endpoint on. */
    e2eApiUrls: Record<'lightfield' | 'llamacloud' | 'xai', string>;
    /** Origin of the Vite server that serves test/e2e/app (another origin than the API). */
    e2eAppUrl: string;
    /** The engine of the project (`e2e` chromium, `e2e-firefox`, `e2e-webkit`). */
    e2eEngine: EngineName;
    /** WebKitWebDriver's URL, started by the global setup of `e2e-webkit` only. */
    e2eWebDriverUrl: string | undefined;
  }
}
