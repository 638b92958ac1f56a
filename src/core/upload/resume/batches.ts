/**
 * Group commit: writes asked for while a transaction commits go together in the next one, made
 * as soon as it has (or right after the code that asked, when none is committing). A readwrite
 * transaction is a round trip to the browser's storage, and transactions on one store run one
 * after the other anyway: a hundred files journaled one transaction each would queue every
 * step's checkpoint behind a hundred commits. Grouped, a write waits for at most the transaction
 * in flight and its own, and the busier the storage, the fewer transactions it is asked for.
 * Batches commit one after the other, so writes apply in the order they were asked for.
 */
export interface GroupCommit<T> {
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
 * `commit` makes one transaction of its items and never rejects. A batch weighs at most
 * `maxWeight` (e.g. the bytes of file copies), so the first files of a large pick are kept
 * without waiting for the others; an item heavier than that goes alone.
 */
export function groupCommit<T>(
  commit: (items: T[]) => Promise<void>,
  options: { weigh?: (item: T) => number; maxWeight?: number } = {},
): GroupCommit<T> {
  const weigh = options.weigh ?? (() => 0);
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  const waiting: Batch<T>[] = [];
  /** The batch committing now, if any. */
  let committing: Promise<void> | undefined;

  const next = (): void => {
    const batch = waiting.shift();
    if (!batch) {
      committing = undefined;
      return;
    }
    committing = commit(batch.items).then(() => {
      batch.resolve();
      next();
    });
  };

  return {
    add(item) {
      const weight = weigh(item);
      let batch = waiting.at(-1);
      if (!batch || (batch.items.length > 0 && batch.weight + weight > maxWeight)) {
        batch = newBatch<T>();
        waiting.push(batch);
      }
      batch.items.push(item);
      batch.weight += weight;
      // After the code that asked has run: a pick journals all its files in one go.
      if (!committing) committing = Promise.resolve().then(next);
      return batch.done;
    },
    settled() {
      return waiting.at(-1)?.done ?? committing ?? Promise.resolve();
    },
  };
}
