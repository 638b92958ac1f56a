import { apiRequests, faultSuite } from '../fault-suite.js';

const FILES = '/v1/files';
const { send, upload, retrieveStatus } = apiRequests(FILES, { purpose: 'assistants' });

faultSuite({
  api: 'xai',
  routes: ['upload', 'list', 'retrieve', 'delete', 'content'],
  upload,
  hit: send,
  list: async (call) => (await call('GET', FILES)).body.data.map((f: { id: string }) => f.id),
  retrieveStatus,
  injected503: { code: 'The service is currently unavailable', error: 'Injected fault: 503.' },
});
