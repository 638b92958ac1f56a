/** For modules outside core that still import this path (the reference server, the proxy). */
export * from '../http/status-types.js';
