import { describe, expect, it } from 'vitest';
import type { FileCreateParams } from '../../../src/core/lightfield/schemas.js';
import { createUploadEngine } from '../../../src/core/upload/engine.js';
import {
  FakeBackend,
  flushMicrotasks,
  happyAuto,
  makeSession,
  textFile,
} from '../../support/fake-backend.js';
import { fakeHash, uploadOf, untilPhase } from './helpers.js';

const pdf = () => new File(['%PDF-1.7\n'], 'report.pdf', { type: 'application/pdf' });
const zip = () => new File(['PK\u0003\u0004'], 'bundle.zip', { type: 'application/zip' });

describe('upload engine: options that change', () => {
  it('checks files added after a purpose change against the new purpose, and sends it', async () => {
    const backend = new FakeBackend(happyAuto);
    const engine = createUploadEngine({ backend, purpose: 'email_attachment', hashFile: fakeHash });
    const [first] = engine.add([zip()]);
    await untilPhase(engine, first!, 'completed');

    engine.setOptions({ backend, purpose: 'knowledge_user', hashFile: fakeHash });
    const [refused, accepted] = engine.add([zip(), pdf()]);
    expect(uploadOf(engine, refused!).phase).toBe('rejected');
    expect(uploadOf(engine, refused!).error?.code).toBe('file-invalid-type');
    await untilPhase(engine, accepted!, 'completed');
    const purposes = backend.calls
      .filter((call) => call.method === 'create')
      .map((call) => (call.args[0] as FileCreateParams).purpose);
    expect(purposes).toEqual(['email_attachment', 'knowledge_user']);
  });

  it('lets an upload already added keep the purpose and checksum it was added with', async () => {
    const backend = new FakeBackend({ put: happyAuto.put, complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, purpose: 'email_attachment', hashFile: fakeHash });
    const [id] = engine.add([textFile('notes.txt')]);
    const create = await backend.next('create');
    engine.setOptions({ backend, purpose: 'knowledge_user', checksum: false, hashFile: fakeHash });
    create.resolve(makeSession(create.args[0] as FileCreateParams));
    await untilPhase(engine, id!, 'completed');
    expect((create.args[0] as FileCreateParams).purpose).toBe('email_attachment');
    const complete = backend.calls.find((call) => call.method === 'complete');
    expect(complete?.args[1]).toEqual({ md5: expect.stringMatching(/^[a-f0-9]{32}$/) });
  });

  it('starts queued uploads at once when concurrency goes up', async () => {
    const backend = new FakeBackend({ put: happyAuto.put, complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, concurrency: 1, hashFile: fakeHash });
    engine.add(['a', 'b', 'c'].map((name) => textFile(`${name}.txt`)));
    await backend.next('create');
    await flushMicrotasks(50);
    expect(backend.count('create')).toBe(1);
    engine.setOptions({ backend, concurrency: 3, hashFile: fakeHash });
    await backend.next('create');
    await backend.next('create');
    expect(backend.count('create')).toBe(3);
  });

  it('lowers concurrency as running uploads finish, never by stopping one', async () => {
    const backend = new FakeBackend({ put: happyAuto.put, complete: happyAuto.complete });
    const engine = createUploadEngine({ backend, concurrency: 2, hashFile: fakeHash });
    const ids = engine.add(['a', 'b', 'c', 'd'].map((name) => textFile(`${name}.txt`)));
    const a = await backend.next('create');
    const b = await backend.next('create');
    engine.setOptions({ backend, concurrency: 1, hashFile: fakeHash });
    await flushMicrotasks(50);
    expect(ids.slice(0, 2).map((id) => uploadOf(engine, id).phase)).toEqual([
      'creating',
      'creating',
    ]);
    a.resolve(makeSession(a.args[0] as FileCreateParams));
    await untilPhase(engine, ids[0]!, 'completed');
    await flushMicrotasks(50);
    // Two were running when the limit dropped to one: the first to finish frees no slot.
    expect(backend.count('create')).toBe(2);
    b.resolve(makeSession(b.args[0] as FileCreateParams));
    await untilPhase(engine, ids[1]!, 'completed');
    await backend.next('create');
    await flushMicrotasks(50);
    expect(backend.count('create')).toBe(3);
    expect(uploadOf(engine, ids[3]!).phase).toBe('queued');
  });

  it('calls the latest callbacks and applies a new maxFiles to the next add', async () => {
    const backend = new FakeBackend(happyAuto);
    const seen: string[] = [];
    const engine = createUploadEngine({
      backend,
      hashFile: fakeHash,
      onUploaded: () => seen.push('old'),
    });
    engine.setOptions({
      backend,
      hashFile: fakeHash,
      maxFiles: 1,
      onUploaded: () => seen.push('new'),
    });
    const [kept, dropped] = engine.add([textFile('one.txt'), textFile('two.txt')]);
    await untilPhase(engine, kept!, 'completed');
    expect(uploadOf(engine, dropped!).error?.code).toBe('too-many-files');
    expect(seen).toEqual(['new']);
  });
});
