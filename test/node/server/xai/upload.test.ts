import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postForm, settle, startApi, streamUpload } from '../multipart-helpers.js';

const FILES = '/v1/files';
const MIB = 1024 * 1024;
const START_S = Date.parse('2026-04-08T12:00:00.000Z') / 1000;
const INVALID = 'Client specified an invalid argument';

describe('xAI upload', () => {
  it('stores an upload and answers the OpenAI-compatible file object', async () => {
    const { call } = await startApi('xai');
    const answer = await postForm(call, FILES, [
      { name: 'purpose', value: 'assistants' },
      { name: 'file', filename: 'notes.txt', data: 'hello xai', contentType: 'text/plain' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^file-[0-9a-f-]{36}$/),
      object: 'file',
      bytes: 9,
      created_at: START_S,
      expires_at: null,
      filename: 'notes.txt',
      purpose: 'assistants',
    });
  });

  it('answers the management shape when started with xaiShape: management', async () => {
    const { call } = await startApi('xai', { xaiShape: 'management' });
    const answer = await postForm(call, FILES, [
      { name: 'expires_after', value: '3600' },
      { name: 'file', filename: 'a.pdf', data: '%PDF', contentType: 'application/pdf' },
    ]);
    expect(answer.body).toEqual({
      file_id: expect.stringMatching(/^file-/),
      name: 'a.pdf',
      size_bytes: '4',
      content_type: 'application/pdf',
      created_at: '2026-04-08T12:00:00.000Z',
      expires_at: '2026-04-08T13:00:00.000Z',
      upload_status: 'Complete',
    });
  });

  it('names a file sent as a bare Blob "blob", and fills purpose when none is sent', async () => {
    const { call } = await startApi('xai');
    const form = new FormData();
    form.append('file', new Blob(['abc']));
    const answer = await call('POST', FILES, { body: form });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ filename: 'blob', bytes: 3, purpose: 'assistants' });
  });

  it('takes expires_after as an integer or as the deepObject pair', async () => {
    const { call } = await startApi('xai');
    const deep = await postForm(call, FILES, [
      { name: 'expires_after[anchor]', value: 'created_at' },
      { name: 'expires_after[seconds]', value: '2592000' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(deep.body.expires_at).toBe(START_S + 2_592_000);
    const plain = await postForm(call, FILES, [
      { name: 'expires_after', value: '3600' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(plain.body.expires_at).toBe(START_S + 3600);
  });

  it.each([
    ['purpose after the file', 'purpose', 'assistants'],
    ['expires_after after the file', 'expires_after', '3600'],
  ])('refuses %s with 400 and stores nothing', async (_, name, value) => {
    const { call, server } = await startApi('xai', { control: true });
    const answer = await postForm(call, FILES, [
      { name: 'file', filename: 'a.txt', data: 'a' },
      { name, value },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: INVALID, error: expect.stringMatching(/before file/) });
    expect((await (await fetch(`${server.url}/_control/files`)).json()).files).toEqual([]);
    expect(await readdir(join(server.dataDir, 'blobs'))).toEqual([]);
  });

  it.each([
    ['3599', 'expires_after'],
    ['2592001', 'expires_after'],
    ['1h', 'expires_after'],
  ])('refuses expires_after=%s with 400', async (value, name) => {
    const { call } = await startApi('xai');
    const answer = await postForm(call, FILES, [
      { name, value },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/3600 to 2592000/);
  });

  it('refuses a half or mixed deepObject expires_after', async () => {
    const { call } = await startApi('xai');
    const half = await postForm(call, FILES, [
      { name: 'expires_after[anchor]', value: 'created_at' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(half.status).toBe(400);
    const anchor = await postForm(call, FILES, [
      { name: 'expires_after[anchor]', value: 'last_active_at' },
      { name: 'expires_after[seconds]', value: '3600' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(anchor.status).toBe(400);
  });

  it.each([
    ['a double quote', 'Content-Disposition: form-data; name="file"; filename="a\\"b.txt"'],
    ['a semicolon', 'Content-Disposition: form-data; name="file"; filename="a;b.txt"'],
    ['a backslash', 'Content-Disposition: form-data; name="file"; filename="a\\\\b.txt"'],
    ['a control character', 'Content-Disposition: form-data; name="file"; filename="a\tb.txt"'],
    [
      '256 characters',
      `Content-Disposition: form-data; name="file"; filename="${'n'.repeat(256)}"`,
    ],
    ['an empty name', 'Content-Disposition: form-data; name="file"; filename=""'],
  ])('refuses a filename with %s (400)', async (_, disposition) => {
    const { call } = await startApi('xai');
    const answer = await postForm(call, FILES, [{ raw: disposition, data: 'abc' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(INVALID);
  });

  it('accepts a 255-character filename', async () => {
    const { call } = await startApi('xai');
    const name = `${'n'.repeat(251)}.txt`;
    const answer = await postForm(call, FILES, [{ name: 'file', filename: name, data: 'a' }]);
    expect(answer.status).toBe(200);
    expect(answer.body.filename).toBe(name);
  });

  it('refuses a form without a file (400), and unknown fields or query parameters (422)', async () => {
    const { call } = await startApi('xai');
    expect((await postForm(call, FILES, [{ name: 'purpose', value: 'x' }])).status).toBe(400);
    const field = await postForm(call, FILES, [
      { name: 'team', value: 'x' },
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(field.status).toBe(422);
    expect(field.body).toEqual({ code: INVALID, error: 'Unknown form field "team".' });
    const query = await postForm(call, `${FILES}?purpose=x`, [
      { name: 'file', filename: 'a.txt', data: 'a' },
    ]);
    expect(query.status).toBe(422);
  });

  it('refuses a 60 MB upload with 413 while it streams (not after reading it)', async () => {
    const { server } = await startApi('xai', { control: true });
    const upload = streamUpload(`${server.url}${FILES}`, {
      fileBytes: 60 * MIB,
      before: { purpose: 'assistants' },
      stallAfter: 50 * MIB + 128 * 1024,
    });
    const answer = await settle(upload);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({
      code: INVALID,
      error: expect.stringMatching(/52428800/),
    });
    expect(answer.sent).toBeLessThan(51 * MIB);
    expect(await readdir(join(server.dataDir, 'blobs'))).toEqual([]);
  });

  it('refuses a body declared above 50 MiB before reading it', async () => {
    const { server } = await startApi('xai');
    const upload = streamUpload(`${server.url}${FILES}`, {
      fileBytes: 60 * MIB,
      stallAfter: 0,
      headers: { 'content-length': String(60 * MIB) },
    });
    const answer = await settle(upload);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(1024);
  });
});
