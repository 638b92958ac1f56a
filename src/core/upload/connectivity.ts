/**
 * The default online/offline source: the runtime's `online`/`offline` events on `globalThis`
 * (browsers), or "always online" where there are none (Node, SSR). Nothing is read at import.
 */
import type { Connectivity } from './types.js';

interface EventHost {
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
  navigator?: { onLine?: boolean };
}

export function runtimeConnectivity(): Connectivity {
  const host = globalThis as EventHost;
  return {
    get online() {
      return host.navigator?.onLine !== false;
    },
    subscribe(listener) {
      if (typeof host.addEventListener !== 'function') return () => undefined;
      const onOnline = (): void => listener(true);
      const onOffline = (): void => listener(false);
      host.addEventListener('online', onOnline);
      host.addEventListener('offline', onOffline);
      return () => {
        host.removeEventListener?.('online', onOnline);
        host.removeEventListener?.('offline', onOffline);
      };
    },
  };
}
