/**
 * `filedock/testing`: an in-memory Files API for stories and for apps' own tests.
 */
export { createMemoryClient } from './memory-client.js';
export type {
  MemoryCall,
  MemoryClient,
  MemoryClientOptions,
  MemoryControl,
  MemoryFault,
  MemoryFaultKind,
  MemoryFiles,
  MemoryFileSeed,
  MemoryPause,
  MemoryPausePhase,
  MemoryRoute,
  MemoryService,
} from './types.js';
