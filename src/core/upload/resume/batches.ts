/**
 * Writes asked for in one task go to IndexedDB in one transaction, made at the end of that task.
 * A readwrite transaction is a round trip to the browser's storage, and transactions on one store
 * run one after the other: a pick of a hundred files journaled one transaction each would queue
 * every step's checkpoint behind a hundred commits. Batches are not held back for one another
 * (IndexedDB commits them in the order they are made), so a write is handed over at once.
 */
export interface Batches<T> {
  /** Resolves once the transaction holding `item` has committed, or failed (see `commit`). */
  add(item: T): Promise<void>;
  /** Resolves once everything added so far has committed. */
  settled(): Promise<void>;
}

interface Batch<T> {
  items: T[];
  weight: number;
  done: Promise<void>;
  resolve: () => void;
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  return { items: [], weight: 0, done, resolve };
}

/**
 * `commit` makes one transaction of its items, synchronously where it can (so the order of
 * batches is the order of transactions), and never rejects. A batch weighs at most `maxWeight`
 * (e.g. the bytes of file copies), so the first files of a large pick are kept without waiting
 * for the others; an item heavier than that goes alone.
 */
export function batchesPerTask<T>(
  commit: (items: T[]) => Promise<void>,
  options: { weigh?: (item: T) => number; maxWeight?: number } = {},
): Batches<T> {
  const weigh = options.weigh ?? (() => 0);
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  let filling: Batch<T>[] | undefined;
  const unsettled = new Set<Promise<void>>();

  const flush = (): void => {
    const batches = filling ?? [];
    filling = undefined;
    for (const batch of batches) {
      unsettled.add(batch.done);
      commit(batch.items).then(() => {
        unsettled.delete(batch.done);
        batch.resolve();
      });
    }
  };

  return {
    add(item) {
      if (!filling) {
        filling = [];
        queueMicrotask(flush);
      }
      const weight = weigh(item);
      let batch = filling.at(-1);
      if (!batch || (batch.items.length > 0 && batch.weight + weight > maxWeight)) {
        batch = newBatch<T>();
        filling.push(batch);
      }
      batch.items.push(item);
      batch.weight += weight;
      return batch.done;
    },
    settled() {
      const all = [...unsettled, ...(filling ?? []).map((batch) => batch.done)];
      return Promise.all(all).then(() => undefined);
    },
  };
}
