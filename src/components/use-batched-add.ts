'use client';
/**
 * Adds a large pick to the engine a batch per task. The first read of a picked file's `size`
 * is a synchronous round trip to the browser process in Chromium (~0.1–0.25 ms a file), and
 * `add` validates every size at once: a thousand files made one main-thread task of several
 * hundred milliseconds (bench P4). The first batch is added at once; the rest follow in order,
 * one batch per task. Only used without a per-pick `maxFiles` limit, which must see the whole
 * pick in one `add`. Files still waiting when the component unmounts are added then.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useBatchedAdd(
  add: (files: File[]) => unknown,
  enabled: boolean,
  batchSize: number,
): (files: File[]) => void {
  const waiting = useRef<File[]>([]);

  const drain = useCallback((): void => {
    const batch = waiting.current.splice(0, batchSize);
    if (waiting.current.length > 0) {
      // A new task, not a microtask: the browser paints and answers input between batches.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        drain();
      };
      channel.port2.postMessage(undefined);
    }
    if (batch.length > 0) add(batch);
  }, [add, batchSize]);

  useEffect(
    () => () => {
      const rest = waiting.current.splice(0);
      if (rest.length > 0) add(rest);
    },
    [add],
  );

  return useCallback(
    (files: File[]) => {
      if (!enabled) return void add(files);
      const idle = waiting.current.length === 0;
      waiting.current.push(...files);
      if (idle) drain();
    },
    [add, enabled, drain],
  );
}
