import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Part, postForm, settle, startApi, streamUpload } from '../multipart-helpers.js';

const FILES = '/api/v1/beta/files';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MIB = 1024 * 1024;

describe('LlamaCloud upload', () => {
  it('stores a multipart upload and answers the file without size or creation time', async () => {
    const { call } = await startApi('llamacloud');
    const answer = await postForm(call, FILES, [
      { name: 'purpose', value: 'parse' },
      { name: 'external_file_id', value: 'crm-42' },
      {
        name: 'file',
        filename: 'Report.PDF',
        data: '%PDF-1.7 hello',
        contentType: 'application/pdf',
      },
    ]);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([
      'external_file_id',
      'file_type',
      'id',
      'last_modified_at',
      'name',
      'project_id',
      'purpose',
    ]);
    expect(answer.body).toMatchObject({
      name: 'Report.PDF',
      file_type: 'pdf',
      external_file_id: 'crm-42',
      purpose: 'parse',
      last_modified_at: '2026-04-08T12:00:00.000Z',
    });
    expect(answer.body.id).toMatch(UUID);
    expect(answer.body.project_id).toMatch(UUID);
  });

  it('accepts the file part before the fields (no order rule on LlamaCloud)', async () => {
    const { call } = await startApi('llamacloud');
    const answer = await postForm(call, FILES, [
      { name: 'file', filename: 'notes', data: 'x' },
      { name: 'purpose', value: 'user_data' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('file_type');
    expect(answer.body).not.toHaveProperty('external_file_id');
  });

  it('files an upload under the project named in the query', async () => {
    const { call } = await startApi('llamacloud');
    const project = '11111111-2222-4333-8444-555555555555';
    const answer = await postForm(call, `${FILES}?project_id=${project}`, [
      { name: 'purpose', value: 'user_data' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(answer.body.project_id).toBe(project);
    expect((await call('GET', FILES)).body.items).toEqual([]);
    expect((await call('GET', `${FILES}?project_id=${project}`)).body.items).toHaveLength(1);
  });

  const file = (name = 'file'): Part => ({ name, filename: 'a.txt', data: 'a' });
  const field = (name: string, value: string): Part => ({ name, value });
  it.each([
    ['a missing purpose', [file()], ['body', 'purpose'], 'missing_field'],
    [
      'an unknown purpose',
      [field('purpose', 'knowledge_user'), file()],
      ['body', 'purpose'],
      'invalid_value',
    ],
    ['a missing file', [field('purpose', 'parse')], ['body', 'file'], 'missing_field'],
    [
      'an unknown form field',
      [field('purpose', 'parse'), field('filename', 'x'), file()],
      ['body', 'filename'],
      'unknown_field',
    ],
    [
      'a file part under another name',
      [field('purpose', 'parse'), file('upload')],
      ['body', 'upload'],
      'unknown_field',
    ],
  ] as const)('answers 422 with a FastAPI detail list for %s', async (_, parts, loc, type) => {
    const { call, server } = await startApi('llamacloud', { control: true });
    const answer = await postForm(call, FILES, [...parts]);
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toEqual([{ type, loc: [...loc], msg: expect.any(String) }]);
    const stored = await (await fetch(`${server.url}/_control/files`)).json();
    expect(stored.files).toEqual([]);
  });

  it('answers 422 for an unknown query parameter or a malformed project id', async () => {
    const { call } = await startApi('llamacloud');
    const parts = [
      { name: 'purpose', value: 'parse' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ];
    const unknown = await postForm(call, `${FILES}?purpose=parse`, parts);
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail[0].loc).toEqual(['query', 'purpose']);
    const badProject = await postForm(call, `${FILES}?project_id=nope`, parts);
    expect(badProject.status).toBe(422);
    expect(badProject.body.detail[0].loc).toEqual(['query', 'project_id']);
  });

  it('refuses a body that is not multipart/form-data with 422', async () => {
    const { call } = await startApi('llamacloud');
    const answer = await call('POST', FILES, {
      body: JSON.stringify({ purpose: 'parse' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.detail[0].type).toBe('invalid_multipart');
  });

  it('refuses an extract file above 100 MiB while it streams, storing nothing', async () => {
    const { server } = await startApi('llamacloud', { control: true });
    const upload = streamUpload(`${server.url}${FILES}`, {
      fileBytes: 200 * MIB,
      before: { purpose: 'extract' },
      // Stops sending just past the cap: only a server judging while streaming can answer.
      stallAfter: 100 * MIB + 256 * 1024,
    });
    const answer = await settle(upload);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).detail).toMatch(/104857600 bytes/);
    expect(answer.sent).toBeLessThan(101 * MIB);
    const stored = await (await fetch(`${server.url}/_control/files`)).json();
    expect(stored.files).toEqual([]);
    expect(await readdir(join(server.dataDir, 'blobs'))).toEqual([]);
  });

  it('refuses an extract file above 100 MiB when purpose comes after the file', async () => {
    const { server } = await startApi('llamacloud', { control: true });
    const upload = streamUpload(`${server.url}${FILES}`, {
      fileBytes: 100 * MIB + 1,
      after: { purpose: 'extract' },
    });
    const answer = await settle(upload);
    expect(answer.status).toBe(413);
    expect(await readdir(join(server.dataDir, 'blobs'))).toEqual([]);
  });

  it('refuses a body declared above 512 MiB before reading it', async () => {
    const { server } = await startApi('llamacloud');
    const upload = streamUpload(`${server.url}${FILES}`, {
      fileBytes: 600 * MIB,
      before: { purpose: 'parse' },
      stallAfter: 0,
      headers: { 'content-length': String(600 * MIB) },
    });
    const answer = await settle(upload);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(1024);
  });
});
