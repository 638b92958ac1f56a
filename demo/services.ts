/**
 * The services the demo can switch between: how to make each client, where its API is, and the
 * faults worth trying on it. `apiUrl` is what the browser client talks to: the filedock proxy on
 * the page's own origin, which holds the key. `controlUrl` is the reference server's fault
 * switchboard (a development tool, not part of the API).
 */
import {
  createLightfieldClient,
  createLlamaCloudClient,
  createXaiClient,
  type FilesClientLike,
} from '../src/index.js';

export type ServiceId = 'lightfield' | 'llamacloud' | 'xai';

export interface FaultPreset {
  label: string;
  faults: object[];
}

export interface DemoService {
  id: ServiceId;
  label: string;
  apiUrl: string;
  controlUrl: string;
  client: FilesClientLike;
  faults: FaultPreset[];
}

const DEFAULT_URLS: Record<ServiceId, string> = {
  lightfield: 'http://127.0.0.1:4010',
  llamacloud: 'http://127.0.0.1:4011',
  xai: 'http://127.0.0.1:4012',
};

const controlUrls: Record<ServiceId, string> = {
  ...DEFAULT_URLS,
  ...(import.meta.env.FILEDOCK_API_URLS ? JSON.parse(import.meta.env.FILEDOCK_API_URLS) : {}),
};

// The proxy routes of demo/proxies.ts. The page holds no key: it says who the user is (a real
// app sends its session token here), and the proxy adds the service's key on its way upstream.
const proxyUrl = (id: ServiceId): string => `${location.origin}/api/${id}`;

/** The user picked in the demo's switcher, read by every client for every request. */
export const demoUser = { current: 'alice' };
const headers = () => ({ 'X-Demo-User': demoUser.current });

const directFaults: FaultPreset[] = [
  { label: '503 on the next upload', faults: [{ route: 'upload', status: 503 }] },
  {
    label: '429 (Retry-After: 2 s) on the next list',
    faults: [{ route: 'list', status: 429, retryAfter: 2 }],
  },
  {
    label: 'Drop the next upload after 64 KiB',
    faults: [{ route: 'upload', dropAfterBytes: 65536 }],
  },
  {
    label: 'Throttle the next 3 uploads to 256 KiB/s',
    faults: [{ route: 'upload', throttleBytesPerSecond: 262144, times: 3 }],
  },
  { label: '503 on the next delete', faults: [{ route: 'delete', status: 503 }] },
];

export const SERVICES: readonly DemoService[] = [
  {
    id: 'lightfield',
    label: 'Lightfield',
    apiUrl: proxyUrl('lightfield'),
    controlUrl: controlUrls.lightfield,
    client: createLightfieldClient({ baseURL: proxyUrl('lightfield'), headers }),
    faults: [
      { label: '503 on the next create', faults: [{ route: 'create', status: 503 }] },
      {
        label: '429 (Retry-After: 2 s) on the next complete',
        faults: [{ route: 'complete', status: 429, retryAfter: 2 }],
      },
      {
        label: 'Drop the next PUT after 64 KiB',
        faults: [{ route: 'put', dropAfterBytes: 65536 }],
      },
      {
        label: 'Expire the next session before its PUT',
        faults: [{ route: 'put', expire: true }],
      },
      {
        label: 'Throttle the next 3 PUTs to 256 KiB/s',
        faults: [{ route: 'put', throttleBytesPerSecond: 262144, times: 3 }],
      },
    ],
  },
  {
    id: 'llamacloud',
    label: 'LlamaCloud',
    apiUrl: proxyUrl('llamacloud'),
    controlUrl: controlUrls.llamacloud,
    client: createLlamaCloudClient({ baseURL: proxyUrl('llamacloud'), headers }),
    faults: directFaults,
  },
  {
    id: 'xai',
    label: 'xAI',
    apiUrl: proxyUrl('xai'),
    controlUrl: controlUrls.xai,
    client: createXaiClient({ baseURL: proxyUrl('xai'), headers }),
    faults: [
      ...directFaults,
      { label: '503 on the next download', faults: [{ route: 'content', status: 503 }] },
    ],
  },
];

export function serviceById(id: string | null): DemoService {
  return SERVICES.find((service) => service.id === id) ?? SERVICES[0]!;
}
