/**
 * A reset (the control endpoint's, between test cases or bench rounds) can come while requests
 * of the previous round are still writing records: it empties the store anyway, never throws.
 */
import { describe, expect, it } from 'vitest';
import { FileStore, type StoredRecord } from '../../../src/server/store.js';

describe('FileStore.clear', () => {
  it('empties the store while records are still being written into it', async () => {
    const store = await FileStore.open<StoredRecord>(undefined, 'lightfield');
    for (let i = 0; i < 300; i += 1) await store.save({ id: `before-${i}`, seq: i });
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i += 1)
        await store.save({ id: `during-${i}`, seq: i }).catch(() => undefined);
    })();
    for (let round = 0; round < 5; round += 1) await store.clear();
    writing = false;
    await writer;
    await store.clear();
    expect(store.files.size).toBe(0);
    await store.close();
  });
});
