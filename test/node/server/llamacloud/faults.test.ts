import { apiRequests, faultSuite } from '../fault-suite.js';

const FILES = '/api/v1/beta/files';
const { send, upload, retrieveStatus } = apiRequests(FILES, { purpose: 'user_data' });

faultSuite({
  api: 'llamacloud',
  routes: ['upload', 'list', 'retrieve', 'delete', 'content', 'download'],
  upload,
  // The download is the signed URL that /content hands out.
  async hit(route, call, id) {
    if (route !== 'download') return send(route, call, id);
    const { url } = (await call('GET', `${FILES}/${id}/content`)).body;
    const res = await fetch(url);
    return { status: res.status, text: await res.text() };
  },
  list: async (call) => (await call('GET', FILES)).body.items.map((f: { id: string }) => f.id),
  retrieveStatus,
  injected503: { detail: 'Injected fault: 503.' },
});
