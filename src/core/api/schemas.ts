/** The Lightfield wire shapes, for modules outside core that still import this path (the reference server, the proxy). */
export * from '../lightfield/schemas.js';
