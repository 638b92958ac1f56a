// filedock/proxy in a route handler: the browser's client talks to /api/lightfield, the API key
// stays here. Upstream is the reference server the matrix started (its URL comes per process).
import { createFilesProxy, nextRouteHandlers } from 'filedock/proxy';

const proxy = createFilesProxy({
  api: 'lightfield',
  apiKey: process.env.LIGHTFIELD_API_KEY ?? 'sk_lf_matrix',
  basePath: '/api/lightfield',
  upstream: process.env.FILEDOCK_API ?? 'http://127.0.0.1:4010',
  // A real app reads its session here; the matrix has one user, an admin (knowledge_workspace).
  authorize: () => ({ id: 'matrix-user', admin: true }),
});

export const dynamic = 'force-dynamic';
export const { GET, POST, DELETE, OPTIONS } = nextRouteHandlers(proxy);
